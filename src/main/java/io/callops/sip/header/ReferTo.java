package io.callops.sip.header;

import io.callops.sip.uri.SipUri;
import io.callops.sip.uri.Uri;

import java.util.Objects;

/**
 * Refer-To (RFC 3515 §2.1): the transfer target. For attended transfer the target URI
 * carries an escaped Replaces header (RFC 3891 §7), e.g.
 * {@code <sip:bob@h?Replaces=abc%40h%3Bto-tag%3D1%3Bfrom-tag%3D2>}.
 */
public record ReferTo(NameAddr address) {

    private static final String HEADER = "Refer-To";

    public ReferTo {
        Objects.requireNonNull(address, "address");
    }

    public static ReferTo parse(CharSequence value) {
        return new ReferTo(NameAddr.parse(value, HEADER));
    }

    public Uri target() {
        return address.uri();
    }

    /** The Replaces embedded in the target URI's headers, or null when there is none. */
    public Replaces embeddedReplaces() {
        if (address.uri() instanceof SipUri sip) {
            String replaces = sip.header("Replaces");
            return replaces == null ? null : Replaces.parse(replaces);
        }
        return null;
    }

    /** The target as it should appear in the new INVITE's Request-URI: without ?headers. */
    public Uri targetWithoutHeaders() {
        return address.uri() instanceof SipUri sip ? sip.withoutHeaders() : address.uri();
    }

    @Override
    public String toString() {
        return address.toString();
    }
}
