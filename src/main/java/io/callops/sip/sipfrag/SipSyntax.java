package io.callops.sip.sipfrag;

/** Small checks from the RFC 3261 §25.1 grammar that the sipfrag parser needs. */
final class SipSyntax {
    private static final String TOKEN_PUNCTUATION = "-.!%*_+`'~";

    private SipSyntax() {}

    /** RFC 3261 "token": method names and header field names. */
    static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alphanumeric && TOKEN_PUNCTUATION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** RFC 3261 SIP-Version: "SIP/" digits "." digits, where "SIP" is case-insensitive (§7.1). */
    static boolean isSipVersion(String text) {
        if (text.length() < 7 || !text.regionMatches(true, 0, "SIP/", 0, 4)) {
            return false;
        }
        int dot = text.indexOf('.', 4);
        return dot > 4 && allDigits(text, 4, dot) && dot + 1 < text.length() && allDigits(text, dot + 1, text.length());
    }

    static boolean allDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }
}
