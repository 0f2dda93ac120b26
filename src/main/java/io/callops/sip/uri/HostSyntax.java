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
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !allDigits(part) || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /**
     * hostname = *( domainlabel "." ) toplabel [ "." ]. The top label must start with a
     * letter, which is what tells "10.0.0.300" (bad IPv4) apart from a name.
     */
    public static boolean isHostname(String s) {
        if (s.isEmpty() || s.length() > 255) {
            return false;
        }
        String body = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        if (body.isEmpty()) {
            return false;
        }
        String[] labels = body.split("\\.", -1);
        for (String label : labels) {
            if (!isLabel(label)) {
                return false;
            }
        }
        return Character.isLetter(labels[labels.length - 1].charAt(0));
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

    private static boolean isLabel(String label) {
        if (label.isEmpty() || label.length() > 63) {
            return false;
        }
        if (!isAlphanum(label.charAt(0)) || !isAlphanum(label.charAt(label.length() - 1))) {
            return false;
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
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
