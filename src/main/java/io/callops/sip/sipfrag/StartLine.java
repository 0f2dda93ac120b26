package io.callops.sip.sipfrag;

/**
 * The first line of a sipfrag: RFC 3420 allows any SIP start line, and a NOTIFY for REFER
 * (RFC 3515 §2.4.5) carries a status line, but a request line is legal too.
 */
sealed interface StartLine permits StartLine.Status, StartLine.Request {

    String text();

    /** {@code SIP-Version SP Status-Code SP Reason-Phrase} (RFC 3261 §7.2); the reason may be empty. */
    record Status(String version, int code, String reason) implements StartLine {
        @Override
        public String text() {
            // The SP before the reason is part of the grammar even when the reason is empty.
            return version + " " + code + " " + reason;
        }
    }

    /** {@code Method SP Request-URI SP SIP-Version} (RFC 3261 §7.1). */
    record Request(String method, String uri, String version) implements StartLine {
        @Override
        public String text() {
            return method + " " + uri + " " + version;
        }
    }

    static StartLine parse(String line) {
        String trimmed = line.strip();
        int firstSpace = trimmed.indexOf(' ');
        String firstWord = firstSpace < 0 ? trimmed : trimmed.substring(0, firstSpace);
        if (firstWord.regionMatches(true, 0, "SIP/", 0, 4)) {
            return parseStatus(firstWord, firstSpace < 0 ? "" : trimmed.substring(firstSpace + 1));
        }
        return parseRequest(trimmed);
    }

    private static Status parseStatus(String version, String rest) {
        if (!SipSyntax.isSipVersion(version)) {
            throw new SipFragParseException("status line has a malformed SIP version: '" + version + "'");
        }
        if (rest.length() < 3 || !SipSyntax.allDigits(rest, 0, 3) || (rest.length() > 3 && rest.charAt(3) != ' ')) {
            throw new SipFragParseException("status line needs a three-digit status code: '" + version + " " + rest + "'");
        }
        int code = Integer.parseInt(rest.substring(0, 3));
        if (code < 100 || code > 699) {
            throw new SipFragParseException("status code out of range 100..699: " + code);
        }
        return new Status(version, code, rest.length() > 3 ? rest.substring(4).strip() : "");
    }

    private static Request parseRequest(String line) {
        String[] parts = line.split(" ");
        if (parts.length != 3 || parts[1].isEmpty()) {
            throw new SipFragParseException("start line is neither a status line nor 'METHOD URI SIP/2.0': '" + line + "'");
        }
        if (!SipSyntax.isToken(parts[0])) {
            throw new SipFragParseException("request line has an invalid method: '" + parts[0] + "'");
        }
        if (!SipSyntax.isSipVersion(parts[2])) {
            throw new SipFragParseException("request line has a malformed SIP version: '" + parts[2] + "'");
        }
        return new Request(parts[0], parts[1], parts[2]);
    }
}
