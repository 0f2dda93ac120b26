package io.callops.sip;

import java.nio.charset.StandardCharsets;

/** Byte-level helpers for reading the hot fields of a message without building strings first. */
final class ByteScan {
    private static final boolean[] TOKEN = new boolean[128];

    static {
        // token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~") (RFC 3261 §25.1)
        for (char c = '0'; c <= '9'; c++) TOKEN[c] = true;
        for (char c = 'a'; c <= 'z'; c++) TOKEN[c] = true;
        for (char c = 'A'; c <= 'Z'; c++) TOKEN[c] = true;
        for (char c : "-.!%*_+`'~".toCharArray()) TOKEN[c] = true;
    }

    private ByteScan() {}

    static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    static boolean isTokenChar(byte b) {
        return b >= 0 && TOKEN[b];
    }

    static boolean isTokenChar(char c) {
        return c < 128 && TOKEN[c];
    }

    static boolean isWhite(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** Skips spaces, tabs and folded line breaks. */
    static int skipLws(byte[] b, int p, int end) {
        while (p < end && isWhite(b[p])) {
            p++;
        }
        return p;
    }

    /** A non-negative decimal number with optional surrounding white space; -1 if malformed or over max. */
    static long parseDecimal(String s, long max) {
        int p = 0;
        int end = s.length();
        while (p < end && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) p++;
        while (end > p && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) end--;
        if (p == end || end - p > 18) {
            return -1;
        }
        long v = 0;
        for (int i = p; i < end; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v > max ? -1 : v;
    }

    /**
     * {@link #parseDecimal(String, long)} straight from message bytes, so reading Max-Forwards or
     * Content-Length creates no String. Surrounding LWS (including folding) is ignored.
     */
    static long parseDecimal(byte[] b, int start, int end, long max) {
        while (start < end && isWhite(b[start])) start++;
        while (end > start && isWhite(b[end - 1])) end--;
        if (start == end || end - start > 18) {
            return -1;
        }
        long v = 0;
        for (int i = start; i < end; i++) {
            if (!isDigit(b[i])) {
                return -1;
            }
            v = v * 10 + (b[i] - '0');
        }
        return v > max ? -1 : v;
    }

    /**
     * Byte form of {@link ListValues#firstSeparator}: index of the first comma outside quotes
     * and angle brackets, {@code end} when there is none, or -1 when the value is folded (the
     * caller then works on the unfolded text). UTF-8 continuation bytes are negative, so they
     * never look like a delimiter.
     */
    static int firstSeparator(byte[] b, int start, int end) {
        boolean quoted = false;
        boolean angle = false;
        for (int i = start; i < end; i++) {
            byte c = b[i];
            if (c == '\r' || c == '\n') {
                return -1;
            }
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '<') {
                angle = true;
            } else if (c == '>') {
                angle = false;
            } else if (c == ',' && !angle) {
                return i;
            }
        }
        return end;
    }

    /** The first index in {@code b[start, end)} where the ASCII text {@code s} begins, or -1. */
    static int indexOfAscii(byte[] b, int start, int end, String s) {
        int n = s.length();
        outer:
        for (int i = start; i <= end - n; i++) {
            for (int k = 0; k < n; k++) {
                if (b[i + k] != (byte) s.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** True when {@code b[off, off+len)} holds exactly the ASCII text {@code s}. */
    static boolean equalsAscii(byte[] b, int off, int len, String s) {
        if (len != s.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (b[off + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Finds {@code ;name=value} among the header parameters of the first value in
     * {@code [start, end)}; in name-addr form the parameters start after {@code >}. Returns the
     * value, "" for a parameter without value, or null when absent.
     */
    static String findParam(byte[] b, int start, int end, String name, boolean nameAddr) {
        int p = start;
        boolean inQuote = false;
        // Find where the header parameters begin: after '>' of a name-addr, else at the first ';'.
        int lt = -1;
        for (int i = start; i < end; i++) {
            byte c = b[i];
            if (c == '"') {
                inQuote = !inQuote;
            } else if (c == '\\' && inQuote) {
                i++;
            } else if (!inQuote && c == '<') {
                lt = i;
                break;
            } else if (!inQuote && (c == ',' || c == ';')) {
                break;
            }
        }
        if (nameAddr && lt >= 0) {
            p = lt;
            while (p < end && b[p] != '>') p++;
        }
        inQuote = false;
        for (; p < end; p++) {
            byte c = b[p];
            if (c == '"') {
                inQuote = !inQuote;
            } else if (c == '\\' && inQuote) {
                p++;
            } else if (!inQuote && c == ',') {
                return null; // the first value ended
            } else if (!inQuote && c == ';') {
                int ns = skipLws(b, p + 1, end);
                int ne = ns;
                while (ne < end && isTokenChar(b[ne])) ne++;
                if (ne - ns == name.length() && regionMatchesIgnoreCase(b, ns, name)) {
                    int q = skipLws(b, ne, end);
                    if (q >= end || b[q] != '=') {
                        return (q >= end || b[q] == ';' || b[q] == ',') ? "" : null;
                    }
                    int vs = skipLws(b, q + 1, end);
                    int ve = vs;
                    if (vs < end && b[vs] == '"') {
                        ve = vs + 1;
                        while (ve < end && b[ve] != '"') {
                            if (b[ve] == '\\') ve++;
                            ve++;
                        }
                        return new String(b, vs + 1, Math.min(ve, end) - vs - 1, StandardCharsets.UTF_8);
                    }
                    while (ve < end && b[ve] != ';' && b[ve] != ',' && !isWhite(b[ve])) ve++;
                    return new String(b, vs, ve - vs, StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    /** True when {@code b[from, to)} holds the ASCII text {@code s}, ignoring case. */
    static boolean equalsIgnoreCaseAscii(byte[] b, int from, int to, String s) {
        return to - from == s.length() && regionMatchesIgnoreCase(b, from, s);
    }

    private static boolean regionMatchesIgnoreCase(byte[] b, int off, String s) {
        for (int i = 0; i < s.length(); i++) {
            int c = b[off + i];
            if (c >= 'A' && c <= 'Z') c += 32;
            int d = s.charAt(i);
            if (d >= 'A' && d <= 'Z') d += 32;
            if (c != d) return false;
        }
        return true;
    }
}
