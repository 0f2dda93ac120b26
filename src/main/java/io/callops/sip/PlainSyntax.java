package io.callops.sip;

/**
 * Recognises, straight from the message bytes and without allocating, the plain forms that
 * nearly all traffic uses for Via, From, To and Contact: {@code SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK77}
 * and {@code "Alice" <sip:alice@example.com:5060;transport=udp>;tag=88}. A true answer means the
 * full header parser accepts the value (and the value passes the validator's own rules); false
 * only means "not one of the plain forms": the caller then parses the value in full, which
 * decides and names any error. Checking every request this way instead of building header
 * objects that are thrown away at once saves most of the validator's allocation.
 *
 * <p>The subset is deliberately narrow: ASCII only, no white space except between a Via's
 * sent-protocol and sent-by and between a display name and its '&lt;', no quoted parameter
 * values, no escapes, no IPv6, no passwords or URI headers, no comma-separated addresses.
 * What it accepts must stay a subset of what {@code Via.parse}, {@code NameAddr.parse},
 * {@code ContactHeader.parse} and {@code Uri.parse} accept; a property test holds it to that.
 */
final class PlainSyntax {
    private static final String COOKIE = "z9hG4bK"; // RFC 3261 §8.1.1.7: a branch of only the cookie is refused

    private static final byte USER = 1;   // unreserved and user-unreserved, minus ';' '?' '/' ','
    private static final byte PARAM = 2;  // paramchar: unreserved and param-unreserved, no escapes
    private static final byte HOST = 4;   // hostname and IPv4 characters
    private static final byte[] CLASS = new byte[128];

    static {
        for (char c = '0'; c <= '9'; c++) CLASS[c] = USER | PARAM | HOST;
        for (char c = 'a'; c <= 'z'; c++) CLASS[c] = USER | PARAM | HOST;
        for (char c = 'A'; c <= 'Z'; c++) CLASS[c] = USER | PARAM | HOST;
        for (char c : "-.".toCharArray()) CLASS[c] = USER | PARAM | HOST;
        for (char c : "_!~*'()".toCharArray()) CLASS[c] = USER | PARAM;       // the rest of RFC 3261 "mark"
        for (char c : "&=+$".toCharArray()) CLASS[c] |= USER;
        for (char c : "[]/:&+$".toCharArray()) CLASS[c] |= PARAM;
    }

    private PlainSyntax() {
    }

    /** One via-parm, e.g. {@code SIP/2.0/UDP host:port;branch=z9hG4bK1;rport}. */
    static boolean isPlainVia(byte[] b, int from, int to) {
        int p = token(b, from, to);
        if (p < 0 || p >= to || b[p] != '/') return false;
        p = token(b, p + 1, to);
        if (p < 0 || p >= to || b[p] != '/') return false;
        p = token(b, p + 1, to);
        if (p < 0) return false;
        int gap = p;
        while (p < to && (b[p] == ' ' || b[p] == '\t')) p++;
        if (p == gap) return false;
        int hostStart = p;
        p = run(b, p, to, HOST);
        if (!isIPv4(b, hostStart, p) && !isHostname(b, hostStart, p)) return false;
        if (p < to && b[p] == ':') {
            p = port(b, p + 1, to);
            if (p < 0) return false;
        }
        while (p < to) {
            if (b[p] != ';') return false;
            int nameStart = p + 1;
            int nameEnd = token(b, nameStart, to);
            if (nameEnd < 0) return false;
            p = nameEnd;
            int valueStart = -1;
            if (p < to && b[p] == '=') {
                valueStart = p + 1;
                p = genericValue(b, valueStart, to);
                if (p < 0) return false;
            }
            if (!viaParamOk(b, nameStart, nameEnd, valueStart, p)) return false;
        }
        return true;
    }

    /**
     * A Via line of one or more plain via-parms separated by commas (with blanks around them),
     * as SIPp and some phones copy a request's Vias into one line of the response.
     */
    static boolean isPlainViaLine(byte[] b, int from, int to) {
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || b[i] == ',') {
                int end = trimBlanks(b, start, i);
                while (start < end && (b[start] == ' ' || b[start] == '\t')) start++;
                if (!isPlainVia(b, start, end)) return false;
                start = i + 1;
            }
        }
        return true;
    }

    /**
     * The end of the first via-parm of a Via line (before the first comma, blanks trimmed) when
     * that via-parm is plain; -1 otherwise.
     */
    static int plainFirstViaEnd(byte[] b, int from, int to) {
        int comma = from;
        while (comma < to && b[comma] != ',') comma++;
        int end = trimBlanks(b, from, comma);
        return isPlainVia(b, from, end) ? end : -1;
    }

    private static int trimBlanks(byte[] b, int from, int end) {
        while (end > from && (b[end - 1] == ' ' || b[end - 1] == '\t')) end--;
        return end;
    }

    /** Start of the sent-by host of a value that {@link #isPlainVia} accepted. */
    static int viaHostStart(byte[] b, int from, int to) {
        int p = from;
        while (b[p] != ' ' && b[p] != '\t') p++;
        while (b[p] == ' ' || b[p] == '\t') p++;
        return p;
    }

    /** End (exclusive) of the sent-by host of a value that {@link #isPlainVia} accepted. */
    static int viaHostEnd(byte[] b, int hostStart, int to) {
        return run(b, hostStart, to, HOST);
    }

    /** Whether a value that {@link #isPlainVia} accepted has {@code ;rport} without a value. */
    static boolean viaHasBareRport(byte[] b, int from, int to) {
        for (int p = from; p < to; p++) {
            if (b[p] == ';' && p + 6 <= to && ByteScan.equalsIgnoreCaseAscii(b, p + 1, p + 6, "rport")
                    && (p + 6 == to || b[p + 6] == ';')) {
                return true;
            }
        }
        return false;
    }

    /**
     * A From, To or (with {@code contact}) Contact value holding one address:
     * {@code [display-name] <sip:...>;params} or {@code sip:user@host[:port];params}.
     */
    static boolean isPlainNameAddr(byte[] b, int from, int to, boolean contact) {
        if (from >= to) return false;
        int p = from;
        byte first = b[p];
        if (first == '<') {
            p = bracketedUri(b, p, to);
        } else if (first == '"') {
            p = quotedDisplayName(b, p, to);
            if (p < 0) return false;
            p = skipBlanks(b, p, to);
            p = bracketedUri(b, p, to);
        } else if (schemeEnd(b, p, to) >= 0) {
            p = sipUri(b, p, to, false);
        } else {
            if (contact && first == '*') return false; // ContactHeader refuses any value starting with '*'
            p = token(b, p, to);
            while (p >= 0) {
                p = skipBlanks(b, p, to);
                if (p < to && b[p] == '<') break;
                p = token(b, p, to);
            }
            p = bracketedUri(b, p, to);
        }
        if (p < 0) return false;
        while (p < to) {
            if (b[p] != ';') return false;
            p = token(b, p + 1, to);
            if (p < 0) return false;
            if (p < to && b[p] == '=') {
                p = genericValue(b, p + 1, to);
                if (p < 0) return false;
            }
        }
        return true;
    }

    /** A sip: or sips: URI with optional user, port and uri-parameters, e.g. a Request-URI. */
    static boolean isPlainSipUri(byte[] b, int from, int to) {
        return sipUri(b, from, to, true) == to;
    }

    // ---------------------------------------------------------------- pieces

    /** {@code <} sip-uri {@code >} at {@code p}; the position after the '>', or -1. */
    private static int bracketedUri(byte[] b, int p, int to) {
        if (p < 0 || p >= to || b[p] != '<') return -1;
        int close = p + 1;
        while (close < to && b[close] != '>') close++;
        if (close >= to) return -1;
        return sipUri(b, p + 1, close, true) == close ? close + 1 : -1;
    }

    /**
     * A sip: or sips: URI from {@code p}: [user "@"] host [":" port] and, inside brackets,
     * uri-parameters. Returns where it ends (at {@code to} or, outside brackets, at a ';'), or -1.
     */
    private static int sipUri(byte[] b, int p, int to, boolean bracketed) {
        if (p + 4 <= to && b[p] == 's' && b[p + 1] == 'i' && b[p + 2] == 'p' && b[p + 3] == ':') {
            p += 4;
        } else if (p + 5 <= to && b[p] == 's' && b[p + 1] == 'i' && b[p + 2] == 'p' && b[p + 3] == 's' && b[p + 4] == ':') {
            p += 5;
        } else {
            return -1;
        }
        int userEnd = run(b, p, to, USER);
        if (userEnd < to && b[userEnd] == '@') {
            if (userEnd == p) return -1;
            p = userEnd + 1;
        }
        int hostStart = p;
        p = run(b, p, to, HOST);
        if (!isIPv4(b, hostStart, p) && !isHostname(b, hostStart, p)) return -1;
        if (p < to && b[p] == ':') {
            p = port(b, p + 1, to);
            if (p < 0) return -1;
        }
        if (!bracketed) {
            return p == to || b[p] == ';' ? p : -1;
        }
        while (p < to) {
            if (b[p] != ';') return -1;
            int nameEnd = run(b, p + 1, to, PARAM);
            if (nameEnd == p + 1) return -1;
            p = nameEnd;
            if (p < to && b[p] == '=') {
                int valueEnd = run(b, p + 1, to, PARAM);
                if (valueEnd == p + 1) return -1;
                p = valueEnd;
            }
        }
        return p;
    }

    /** A quoted display name of printable ASCII without escapes; the position after the closing quote, or -1. */
    private static int quotedDisplayName(byte[] b, int p, int to) {
        for (int i = p + 1; i < to; i++) {
            byte c = b[i];
            if (c == '"') return i + 1;
            if (c < 0x20 || c > 0x7e || c == '\\') return -1;
        }
        return -1;
    }

    /** End of a scheme name followed by ':' at {@code p} (as the name-addr parser tells addr-spec from display name), or -1. */
    private static int schemeEnd(byte[] b, int p, int to) {
        if (p >= to || !isLetter(b[p])) return -1;
        int i = p;
        while (i < to && (isLetter(b[i]) || (b[i] >= '0' && b[i] <= '9') || b[i] == '+' || b[i] == '-' || b[i] == '.')) i++;
        return i < to && b[i] == ':' ? i : -1;
    }

    /** A Via parameter whose value the Via parser checks: only the forms certain to pass. */
    private static boolean viaParamOk(byte[] b, int nameStart, int nameEnd, int valueStart, int valueEnd) {
        if (ByteScan.equalsIgnoreCaseAscii(b, nameStart, nameEnd, "rport")) {
            return valueStart < 0 || port(b, valueStart, valueEnd) == valueEnd;
        }
        if (ByteScan.equalsIgnoreCaseAscii(b, nameStart, nameEnd, "branch")) {
            if (valueStart < 0 || token(b, valueStart, valueEnd) != valueEnd) return false;
            return !ByteScan.equalsIgnoreCaseAscii(b, valueStart, valueEnd, COOKIE);
        }
        if (ByteScan.equalsIgnoreCaseAscii(b, nameStart, nameEnd, "received")) {
            return valueStart >= 0 && (isIPv4(b, valueStart, valueEnd) || isHostname(b, valueStart, valueEnd));
        }
        // ttl and maddr have their own value syntax: left to the full parser.
        return !ByteScan.equalsIgnoreCaseAscii(b, nameStart, nameEnd, "ttl")
                && !ByteScan.equalsIgnoreCaseAscii(b, nameStart, nameEnd, "maddr");
    }

    /** 1*token-char from {@code p}; the end, or -1 when there is none. */
    private static int token(byte[] b, int p, int to) {
        if (p < 0) return -1;
        int i = p;
        while (i < to && ByteScan.isTokenChar(b[i])) i++;
        return i == p ? -1 : i;
    }

    /** An unquoted generic-param value: 1*(token-char / ':'); the end, or -1 when empty. */
    private static int genericValue(byte[] b, int p, int to) {
        int i = p;
        while (i < to && (ByteScan.isTokenChar(b[i]) || b[i] == ':')) i++;
        return i == p ? -1 : i;
    }

    /** 1*5DIGIT up to 65535; the end, or -1. */
    private static int port(byte[] b, int p, int to) {
        int value = 0;
        int i = p;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            if (i - p == 5) return -1;
            value = value * 10 + (b[i] - '0');
            i++;
        }
        return i == p || value > 65535 ? -1 : i;
    }

    private static int run(byte[] b, int p, int to, byte charClass) {
        while (p < to && b[p] >= 0 && (CLASS[b[p]] & charClass) != 0) p++;
        return p;
    }

    private static int skipBlanks(byte[] b, int p, int to) {
        while (p >= 0 && p < to && (b[p] == ' ' || b[p] == '\t')) p++;
        return p;
    }

    /** IPv4address: four decimal parts of 1-3 digits, each 0..255 (as {@code HostSyntax.isIPv4}). */
    static boolean isIPv4(byte[] b, int from, int to) {
        int i = from;
        for (int part = 0; part < 4; part++) {
            if (part > 0) {
                if (i >= to || b[i] != '.') return false;
                i++;
            }
            int start = i;
            int value = 0;
            while (i < to && b[i] >= '0' && b[i] <= '9' && i - start < 3) {
                value = value * 10 + (b[i] - '0');
                i++;
            }
            if (i == start || value > 255) return false;
        }
        return i == to;
    }

    /**
     * hostname = *( domainlabel "." ) toplabel [ "." ], labels of 1-63 alphanumerics and inner
     * hyphens, the top label starting with a letter (as {@code HostSyntax.isHostname}).
     */
    static boolean isHostname(byte[] b, int from, int to) {
        if (to <= from || to - from > 255) return false;
        int end = b[to - 1] == '.' ? to - 1 : to;
        if (end == from) return false;
        int labelStart = from;
        for (int i = from; i <= end; i++) {
            if (i == end || b[i] == '.') {
                int length = i - labelStart;
                if (length == 0 || length > 63 || !isAlphanum(b[labelStart]) || !isAlphanum(b[i - 1])) return false;
                for (int k = labelStart; k < i; k++) {
                    if (!isAlphanum(b[k]) && b[k] != '-') return false;
                }
                if (i == end) return isLetter(b[labelStart]);
                labelStart = i + 1;
            }
        }
        return false;
    }

    private static boolean isLetter(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAlphanum(byte c) {
        return isLetter(c) || (c >= '0' && c <= '9');
    }
}
