package io.callops.sip.uri;

import io.callops.sip.SipParseException;

import java.util.Locale;

/**
 * A URI of a scheme we do not model (http, mailto, urn, im...), kept exactly as given.
 * RFC 3261 §19.1 lets such URIs appear wherever a SIP URI may.
 */
public final class AbsoluteUri implements Uri {

    private final String scheme;
    private final String schemeSpecificPart;

    private AbsoluteUri(String scheme, String schemeSpecificPart) {
        this.scheme = scheme;
        this.schemeSpecificPart = schemeSpecificPart;
    }

    /** Parses "scheme:rest"; the rest must be non-empty RFC 3986 characters (no spaces, quotes, angle brackets). */
    public static AbsoluteUri parse(CharSequence text) {
        String s = text.toString();
        int colon = s.indexOf(':');
        if (colon <= 0 || !Uri.isScheme(s.substring(0, colon))) {
            throw new SipParseException("URI: missing or invalid scheme in '" + Uri.abbreviate(s) + "'");
        }
        String rest = s.substring(colon + 1);
        if (rest.isEmpty()) {
            throw new SipParseException("URI: empty scheme-specific part in '" + Uri.abbreviate(s) + "'");
        }
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '%') {
                if (i + 2 >= rest.length() || UriEscaping.hexValue(rest.charAt(i + 1)) < 0
                        || UriEscaping.hexValue(rest.charAt(i + 2)) < 0) {
                    throw new SipParseException("URI: bad escape in '" + Uri.abbreviate(s) + "'");
                }
            } else if (!UriEscaping.isUnreserved(c) && ":/?#[]@!$&'()*+,;=".indexOf(c) < 0) {
                throw new SipParseException("URI: invalid character '" + c + "' in '" + Uri.abbreviate(s) + "'");
            }
        }
        return new AbsoluteUri(s.substring(0, colon), rest);
    }

    @Override
    public String scheme() {
        return scheme.toLowerCase(Locale.ROOT);
    }

    public String schemeSpecificPart() {
        return schemeSpecificPart;
    }

    /** Scheme compared case-insensitively (RFC 3986 §6.2.2.1); the rest exactly. */
    @Override
    public boolean equals(Object o) {
        return o instanceof AbsoluteUri other && scheme().equals(other.scheme())
                && schemeSpecificPart.equals(other.schemeSpecificPart);
    }

    @Override
    public int hashCode() {
        return scheme().hashCode() * 31 + schemeSpecificPart.hashCode();
    }

    @Override
    public String toString() {
        return scheme + ":" + schemeSpecificPart;
    }
}
