package io.callops.sip.header;

import io.callops.sip.SipParseException;
import io.callops.sip.uri.Uri;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An address with header parameters, as in From, To, Contact, Refer-To, Route
 * (RFC 3261 §20.10, §25.1): {@code "Bob" <sip:bob@biloxi.com>;tag=a6c85cf}.
 *
 * <p>Both forms are read. In the addr-spec form (no angle brackets) every {@code ;param}
 * belongs to the header, not to the URI (§20.10), so such a URI can carry neither
 * parameters nor headers. When writing, brackets are used whenever a display name is
 * present or the URI contains ',', ';' or '?', which keeps that rule intact.
 */
public final class NameAddr {

    private static final String DEFAULT_HEADER = "Address";

    private final String displayName;
    private final Uri uri;
    private final Params params;

    private NameAddr(String displayName, Uri uri, Params params) {
        this.displayName = displayName;
        this.uri = Objects.requireNonNull(uri, "uri");
        this.params = params;
    }

    public static NameAddr of(String displayName, Uri uri) {
        return new NameAddr(displayName, uri, Params.empty());
    }

    public static NameAddr parse(CharSequence value) {
        return parse(value, DEFAULT_HEADER);
    }

    /** Parses a comma-separated list, e.g. a Contact or Route header value. */
    public static List<NameAddr> parseAll(CharSequence value) {
        return parseAll(value, DEFAULT_HEADER);
    }

    static List<NameAddr> parseAll(CharSequence value, String header) {
        List<NameAddr> out = new ArrayList<>();
        for (String element : HeaderValues.splitCommas(value)) {
            out.add(parse(element, header));
        }
        return out;
    }

    static NameAddr parse(CharSequence value, String header) {
        HeaderCursor c = new HeaderCursor(header, value);
        c.skipLws();
        String displayName = null;
        Uri uri;
        if (c.peek() == '"' && !c.atEnd()) {
            displayName = c.quotedString("display name");
            c.expect('<', "after display name");
            uri = bracketedUri(c);
        } else if (c.peek() == '<') {
            c.expect('<', "to open URI");
            uri = bracketedUri(c);
        } else if (startsWithScheme(c)) {
            uri = addrSpec(c);
        } else {
            // display-name = *(token LWS): collapse the LWS between tokens to one space
            StringBuilder name = new StringBuilder(c.token("display name or URI"));
            c.skipLws();
            while (c.peek() != '<' || c.atEnd()) {
                if (c.atEnd()) {
                    throw c.error("expected '<' after display name");
                }
                name.append(' ').append(c.token("'<' after display name"));
                c.skipLws();
            }
            c.expect('<', "after display name");
            displayName = name.toString();
            uri = bracketedUri(c);
        }
        Params params = ParamsParser.parse(c);
        c.expectEnd();
        return new NameAddr(displayName, uri, params);
    }

    private static Uri bracketedUri(HeaderCursor c) {
        int close = c.text().indexOf('>', c.position());
        if (close < 0) {
            throw c.error("missing '>' after URI");
        }
        String text = c.text().substring(c.position(), close);
        // LAQUOT/RAQUOT allow LWS outside the brackets only (RFC 3261 §25.1); inside, a
        // liberal reading could hide an ambiguity, so it is rejected (RFC 4475 §3.1.2.14).
        if (!text.equals(HeaderCursor.trimLws(text))) {
            throw c.error("white space inside '<' '>'");
        }
        c.moveTo(close + 1);
        return uri(c, text);
    }

    /** In addr-spec form the URI ends at the first ';' (header params follow) or at LWS. */
    private static Uri addrSpec(HeaderCursor c) {
        String text = c.text();
        int start = c.position();
        int end = start;
        while (end < text.length() && text.charAt(end) != ';' && !HeaderCursor.isLws(text.charAt(end))) {
            end++;
        }
        c.moveTo(end);
        String uriText = text.substring(start, end);
        if (uriText.indexOf('?') >= 0 || uriText.indexOf(',') >= 0) {
            throw c.error("a URI with '?' or ',' must be enclosed in '<' '>'");
        }
        return uri(c, uriText);
    }

    private static Uri uri(HeaderCursor c, String text) {
        try {
            return Uri.parse(text);
        } catch (SipParseException e) {
            throw new SipParseException(c.header() + ": " + e.getMessage(), e);
        }
    }

    /** A scheme followed by ':' can never be a display name, since tokens exclude ':'. */
    private static boolean startsWithScheme(HeaderCursor c) {
        String text = c.text();
        int i = c.position();
        if (i >= text.length() || !isAsciiLetter(text.charAt(i))) {
            return false;
        }
        while (i < text.length() && (isAsciiLetter(text.charAt(i)) || (text.charAt(i) >= '0' && text.charAt(i) <= '9')
                || "+-.".indexOf(text.charAt(i)) >= 0)) {
            i++;
        }
        return i < text.length() && text.charAt(i) == ':';
    }

    private static boolean isAsciiLetter(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    }

    /** The display name, unquoted and unescaped; null when there is none. */
    public String displayName() {
        return displayName;
    }

    public Uri uri() {
        return uri;
    }

    public Params params() {
        return params;
    }

    /** A header parameter's unquoted value: "" for a flag, null when absent. */
    public String param(String name) {
        return params.get(name);
    }

    public String tag() {
        return params.get("tag");
    }

    /** The expires parameter (Contact), or -1 when absent or not a number. */
    public long expires() {
        String v = params.get("expires");
        if (v == null || v.isEmpty() || v.length() > 18 || !v.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return -1;
        }
        return Long.parseLong(v);
    }

    /** The q parameter (Contact, RFC 3261 §20.10), or -1 when absent or not a qvalue in 0..1. */
    public double q() {
        String v = params.get("q");
        if (v == null || !v.matches("[01](\\.[0-9]{0,3})?")) {
            return -1;
        }
        double q = Double.parseDouble(v);
        return q <= 1.0 ? q : -1;
    }

    public NameAddr withTag(String tag) {
        return withParam("tag", tag);
    }

    public NameAddr withParam(String name, String value) {
        return new NameAddr(displayName, uri, params.with(name, value));
    }

    public NameAddr withoutParam(String name) {
        return new NameAddr(displayName, uri, params.without(name));
    }

    public NameAddr withUri(Uri newUri) {
        return new NameAddr(displayName, newUri, params);
    }

    /** @param newDisplayName the display name in plain form, or null for none */
    public NameAddr withDisplayName(String newDisplayName) {
        return new NameAddr(newDisplayName, uri, params);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NameAddr other && Objects.equals(displayName, other.displayName)
                && uri.equals(other.uri) && params.equals(other.params);
    }

    @Override
    public int hashCode() {
        return Objects.hash(displayName, uri, params);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(64);
        String uriText = uri.toString();
        boolean brackets = displayName != null || uriText.indexOf(';') >= 0 || uriText.indexOf('?') >= 0
                || uriText.indexOf(',') >= 0;
        if (displayName != null) {
            if (isTokenSequence(displayName)) {
                out.append(displayName);
            } else {
                Params.appendQuoted(out, displayName);
            }
            out.append(' ');
        }
        if (brackets) {
            out.append('<').append(uriText).append('>');
        } else {
            out.append(uriText);
        }
        params.appendTo(out);
        return out.toString();
    }

    /** Whether the name can be written bare: tokens separated by single spaces. */
    private static boolean isTokenSequence(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (String part : name.split(" ", -1)) {
            if (!HeaderCursor.isToken(part)) {
                return false;
            }
        }
        return true;
    }
}
