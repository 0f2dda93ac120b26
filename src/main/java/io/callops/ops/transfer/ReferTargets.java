package io.callops.ops.transfer;

import io.callops.sip.header.Replaces;
import io.callops.sip.uri.SipUri;
import io.callops.sip.uri.TelUri;
import io.callops.sip.uri.Uri;
import io.callops.sip.uri.UriEscaping;

/**
 * Builds the URI of a {@code Refer-To} header: the destination with our linking parameter
 * (blind transfer) or with an embedded {@code Replaces} (attended transfer, RFC 3891 and
 * RFC 3515 §2.1), escaped as URIs require.
 */
final class ReferTargets {
    private ReferTargets() {
    }

    /** Parses a destination given by a user: a SIP, SIPS or TEL URI, optionally in angle brackets. */
    static Uri destination(String text) {
        String t = text == null ? "" : text.trim();
        if (t.startsWith("<") && t.endsWith(">")) t = t.substring(1, t.length() - 1).trim();
        Uri u = Uri.parse(t);
        if (!(u instanceof SipUri) && !(u instanceof TelUri)) {
            throw new IllegalArgumentException("not a SIP, SIPS or TEL URI");
        }
        return u;
    }

    /** The destination with {@code ;name=value} added ({@code value} escaped as a URI parameter). */
    static String withParam(Uri destination, String name, String value) {
        if (destination instanceof SipUri su) {
            return su.withParam(name, value).toString(); // escapes the value itself
        }
        // tel: parameters follow the number
        return destination + ";" + name + "=" + UriEscaping.escape(value, UriEscaping.Component.PARAM);
    }

    /** The destination with {@code ?Replaces=...} (call-id, to-tag, from-tag, escaped as a header value). */
    static String withReplaces(Uri destination, String callId, String toTag, String fromTag) {
        String replaces = new Replaces(callId, toTag, fromTag, false).toString();
        if (destination instanceof SipUri su) {
            return su.withoutHeaders().withHeader("Replaces", replaces).toString();
        }
        throw new IllegalArgumentException("an attended transfer needs a SIP or SIPS destination");
    }
}
