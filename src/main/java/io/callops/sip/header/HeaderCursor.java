package io.callops.sip.header;

import io.callops.sip.SipParseException;

/**
 * A read position over one header value, with the lexical pieces of RFC 3261 §25.1 that
 * every header parser needs: LWS skipping, tokens, quoted strings. Every read either
 * advances or fails, so parsers built on it always terminate. Errors name the header.
 */
final class HeaderCursor {

    private final String header;
    private final String text;
    private int pos;

    HeaderCursor(String header, CharSequence value) {
        if (value == null) {
            throw new SipParseException(header + ": missing value");
        }
        this.header = header;
        this.text = value.toString();
    }

    String header() {
        return header;
    }

    String text() {
        return text;
    }

    int position() {
        return pos;
    }

    void moveTo(int newPos) {
        pos = newPos;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    /** The next character, or 0 at the end. */
    char peek() {
        return atEnd() ? 0 : text.charAt(pos);
    }

    /** Skips linear white space; the message layer may or may not have unfolded CRLF yet. */
    boolean skipLws() {
        int start = pos;
        while (!atEnd() && isLws(text.charAt(pos))) {
            pos++;
        }
        return pos > start;
    }

    /** Skips LWS, then consumes {@code c} if it is next. */
    boolean consume(char c) {
        skipLws();
        if (peek() == c && !atEnd()) {
            pos++;
            return true;
        }
        return false;
    }

    void expect(char c, String why) {
        if (!consume(c)) {
            throw error("expected '" + c + "' " + why + describeHere());
        }
    }

    /** Skips LWS and reads 1*token-char; fails naming {@code what} if there is none. */
    String token(String what) {
        skipLws();
        int start = pos;
        while (!atEnd() && isTokenChar(text.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw error("missing " + what + describeHere());
        }
        return text.substring(start, pos);
    }

    /** Reads 1*DIGIT after LWS, as text (callers check the range). */
    String digits(String what) {
        skipLws();
        int start = pos;
        while (!atEnd() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        if (pos == start) {
            throw error("missing " + what + describeHere());
        }
        return text.substring(start, pos);
    }

    /**
     * Reads a quoted-string starting at the current '"' and returns its content with
     * quoted-pairs resolved (RFC 3261 §25.1: quoted-pair = "\" followed by any char but CR/LF).
     */
    String quotedString(String what) {
        skipLws();
        if (peek() != '"' || atEnd()) {
            throw error("expected quoted " + what + describeHere());
        }
        pos++;
        StringBuilder out = new StringBuilder();
        while (!atEnd()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                if (atEnd() || text.charAt(pos) == '\r' || text.charAt(pos) == '\n') {
                    throw error("bad escape in quoted " + what);
                }
                out.append(text.charAt(pos++));
            } else if ((c < 0x20 && !isLws(c)) || c == 0x7f) {
                throw error("control character in quoted " + what);
            } else {
                out.append(c);
            }
        }
        throw error("unterminated quoted " + what);
    }

    void expectEnd() {
        skipLws();
        if (!atEnd()) {
            throw error("unexpected '" + text.charAt(pos) + "' at position " + pos);
        }
    }

    SipParseException error(String message) {
        return new SipParseException(header + ": " + message);
    }

    private String describeHere() {
        return atEnd() ? " at end of value" : " at '" + text.charAt(pos) + "' (position " + pos + ")";
    }

    static boolean isLws(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~"). */
    static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-.!%*_+`'~".indexOf(c) >= 0;
    }

    static boolean isToken(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static String trimLws(CharSequence value) {
        String s = value.toString();
        int start = 0;
        int end = s.length();
        while (start < end && isLws(s.charAt(start))) {
            start++;
        }
        while (end > start && isLws(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }
}
