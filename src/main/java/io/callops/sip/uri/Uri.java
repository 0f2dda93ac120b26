package io.callops.sip.uri;

import io.callops.sip.SipParseException;


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
        if (!isScheme(s, colon)) {
            throw new SipParseException("URI: invalid scheme '" + abbreviate(s.substring(0, colon)) + "'");
        }
        // Compared in place, ignoring case: this runs for nearly every header the proxy reads.
        if ((colon == 3 && s.regionMatches(true, 0, "sip", 0, 3)) || (colon == 4 && s.regionMatches(true, 0, "sips", 0, 4))) {
            return SipUri.parse(s);
        }
        if (colon == 3 && s.regionMatches(true, 0, "tel", 0, 3)) {
            return TelUri.parse(s);
        }
        return AbsoluteUri.parse(s);
    }

    /** scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) (RFC 3986 §3.1). */
    static boolean isScheme(String s) {
        return isScheme(s, s.length());
    }

    /** Whether {@code s[0, end)} is a scheme. */
    private static boolean isScheme(String s, int end) {
        char first = end == 0 ? 0 : s.charAt(0);
        if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
            return false;
        }
        for (int i = 0; i < end; i++) {
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
