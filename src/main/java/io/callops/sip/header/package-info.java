/**
 * Typed values of SIP header fields (the part after "Name:"). Each type has a static
 * {@code parse} that throws only {@link io.callops.sip.SipParseException} and a
 * {@code toString} that writes the value back in canonical form. Parameters of all
 * headers go through {@link io.callops.sip.header.Params}.
 */
package io.callops.sip.header;
