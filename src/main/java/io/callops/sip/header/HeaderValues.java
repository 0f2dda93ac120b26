package io.callops.sip.header;

import io.callops.sip.SipParseException;

import java.util.ArrayList;
import java.util.List;

/** Helpers for header values that may carry several comma-separated elements (RFC 3261 §7.3.1). */
public final class HeaderValues {

    private HeaderValues() {
    }

    /**
     * Splits on commas that are outside quoted-strings (honouring backslash escapes) and
     * outside {@code <...>}, trimming LWS around each element. An empty element, an
     * unterminated quote or an unclosed '<' is an error.
     */
    public static List<String> splitCommas(CharSequence value) {
        if (value == null) {
            throw new SipParseException("header value: missing");
        }
        String s = value.toString();
        List<String> out = new ArrayList<>();
        boolean inQuotes = false;
        boolean inAngles = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inQuotes) {
                if (c == '\\') {
                    i++; // the escaped character can never end the string
                } else if (c == '"') {
                    inQuotes = false;
                }
            } else if (inAngles) {
                if (c == '>') {
                    inAngles = false;
                }
            } else if (c == '"') {
                inQuotes = true;
            } else if (c == '<') {
                inAngles = true;
            } else if (c == ',') {
                out.add(element(s, start, i));
                start = i + 1;
            }
        }
        if (inQuotes) {
            throw new SipParseException("header value: unterminated quoted string");
        }
        if (inAngles) {
            throw new SipParseException("header value: '<' without matching '>'");
        }
        out.add(element(s, start, s.length()));
        return out;
    }

    private static String element(String s, int from, int to) {
        String element = HeaderCursor.trimLws(s.substring(from, to));
        if (element.isEmpty()) {
            throw new SipParseException("header value: empty element in comma-separated list");
        }
        return element;
    }
}
