/**
 * URIs as SIP uses them: {@link io.callops.sip.uri.SipUri} (RFC 3261 §19.1, grammar §25.1),
 * {@link io.callops.sip.uri.TelUri} (RFC 3966) and {@link io.callops.sip.uri.AbsoluteUri}
 * for every other scheme. Pure values: parsing throws only
 * {@link io.callops.sip.SipParseException}; instances are immutable.
 */
package io.callops.sip.uri;
