/**
 * {@code message/sipfrag} bodies (RFC 3420), as carried by the NOTIFYs that report the progress of
 * a REFER (RFC 3515).
 */
package io.callops.sip.sipfrag;
