package io.callops.sip.uri;

import io.callops.sip.SipParseException;

import java.util.Locale;

/**
 * A URI as it appears in SIP: Request-URI, To/From/Contact, Refer-To. SIP and SIPS URIs and
 * tel URIs get a full model; any other scheme (RFC 3261 §19.1 allows absoluteURI) is kept
 * as an opaque {@link AbsoluteUri}. {@code toString()} gives the wire form.
 */
public sealed interface Uri permits SipUri, TelUri, AbsoluteUri {

    /** The scheme in lower case, e.g. "sip", "sips", "tel". */
    String scheme();

    /** Parses a URI, choosing the model by scheme (case-insensitive, RFC 3986 §3.1). */
    static Uri parse(CharSequence text) {
        if (text == null) {
            throw new SipParseException("URI: missing");
        }
        String s = text.toString();
        int colon = s.indexOf(':');
        if (colon <= 0) {
            throw new SipParseException("URI: missing scheme in '" + abbreviate(s) + "'");
        }
        String scheme = s.substring(0, colon);
        if (!isScheme(scheme)) {
            throw new SipParseException("URI: invalid scheme '" + abbreviate(scheme) + "'");
        }
        switch (scheme.toLowerCase(Locale.ROOT)) {
            case "sip":
            case "sips":
                return SipUri.parse(s);
            case "tel":
                return TelUri.parse(s);
            default:
                return AbsoluteUri.parse(s);
        }
    }

    /** scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) (RFC 3986 §3.1). */
    static boolean isScheme(String s) {
        char first = s.isEmpty() ? 0 : s.charAt(0);
        if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!HostSyntax.isAlphanum(c) && c != '+' && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** Keeps error messages short when the input is huge. */
    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
