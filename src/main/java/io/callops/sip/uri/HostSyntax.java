package io.callops.sip.uri;

/**
 * Recognises the host forms of RFC 3261 §25.1: hostname, IPv4address and IPv6reference.
 * Shared by the URI parser and by header parsers (Via sent-by, received).
 */
public final class HostSyntax {

    private HostSyntax() {
    }

    /** host = hostname / IPv4address / IPv6reference. */
    public static boolean isHost(String s) {
        return isIPv6Reference(s) || isIPv4(s) || isHostname(s);
    }

    /** IPv6reference = "[" IPv6address "]". */
    public static boolean isIPv6Reference(String s) {
        return s.length() > 2 && s.charAt(0) == '[' && s.charAt(s.length() - 1) == ']'
                && isIPv6(s.substring(1, s.length() - 1));
    }

    /** IPv4address = 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT, each 0..255. */
    public static boolean isIPv4(String s) {
        // Scanned in place: this runs for every URI the proxy reads, so no split or regex.
        int parts = 0;
        int i = 0;
        int n = s.length();
        while (parts < 4) {
            int start = i;
            int value = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 3) {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == start || value > 255) {
                return false;
            }
            parts++;
            if (parts < 4) {
                if (i >= n || s.charAt(i) != '.') {
                    return false;
                }
                i++;
            }
        }
        return i == n;
    }

    /**
     * hostname = *( domainlabel "." ) toplabel [ "." ]. The top label must start with a
     * letter, which is what tells "10.0.0.300" (bad IPv4) apart from a name.
     */
    public static boolean isHostname(String s) {
        if (s.isEmpty() || s.length() > 255) {
            return false;
        }
        int end = s.charAt(s.length() - 1) == '.' ? s.length() - 1 : s.length();
        if (end == 0) {
            return false;
        }
        int labelStart = 0;
        for (int i = 0; i <= end; i++) {
            if (i == end || s.charAt(i) == '.') {
                if (!isLabel(s, labelStart, i)) {
                    return false;
                }
                if (i == end) {
                    return Character.isLetter(s.charAt(labelStart));
                }
                labelStart = i + 1;
            }
        }
        return false;
    }

    /** IPv6address per RFC 4291 §2.2 text forms, including "::" and an IPv4 tail. No zone ids. */
    public static boolean isIPv6(String s) {
        if (s.length() < 2 || s.length() > 45) {
            return false;
        }
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String head = doubleColon >= 0 ? s.substring(0, doubleColon) : s;
        String tail = doubleColon >= 0 ? s.substring(doubleColon + 2) : "";
        int groups = countGroups(head, doubleColon < 0);
        if (groups < 0) {
            return false;
        }
        int tailGroups = doubleColon >= 0 ? countGroups(tail, true) : 0;
        if (tailGroups < 0) {
            return false;
        }
        if (doubleColon >= 0 && !head.isEmpty() && head.contains(".")) {
            return false; // an IPv4 tail may only end the address
        }
        int total = groups + tailGroups;
        return doubleColon >= 0 ? total <= 7 : total == 8;
    }

    /** Counts 16-bit groups in a ':'-separated run; an IPv4 tail counts as two. -1 if malformed. */
    private static int countGroups(String run, boolean mayEndWithIPv4) {
        if (run.isEmpty()) {
            return 0;
        }
        String[] parts = run.split(":", -1);
        int count = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            if (last && mayEndWithIPv4 && part.contains(".")) {
                if (!isIPv4(part)) {
                    return -1;
                }
                count += 2;
            } else if (part.isEmpty() || part.length() > 4 || !allHex(part)) {
                return -1;
            } else {
                count++;
            }
        }
        return count;
    }

    private static boolean isLabel(String s, int from, int to) {
        int len = to - from;
        if (len == 0 || len > 63) {
            return false;
        }
        if (!isAlphanum(s.charAt(from)) || !isAlphanum(s.charAt(to - 1))) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!isAlphanum(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    static boolean isAlphanum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static boolean allHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (UriEscaping.hexValue(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
