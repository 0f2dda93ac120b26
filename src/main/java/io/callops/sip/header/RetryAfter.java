package io.callops.sip.header;

/**
 * Retry-After (RFC 3261 §20.33): {@code 120 (I'm in a meeting);duration=3600}.
 * The comment is kept without its outer parentheses; null when absent.
 */
public record RetryAfter(long seconds, String comment, Params params) {

    private static final String HEADER = "Retry-After";

    public RetryAfter {
        if (seconds < 0 || seconds > Numbers.MAX_DELTA_SECONDS) {
            throw new IllegalArgumentException("Retry-After seconds out of range: " + seconds);
        }
        params = params == null ? Params.empty() : params;
    }

    public static RetryAfter parse(CharSequence value) {
        HeaderCursor c = new HeaderCursor(HEADER, value);
        long seconds = Numbers.parseUnsignedInt(c.digits("delta-seconds"), HEADER, Numbers.MAX_DELTA_SECONDS);
        c.skipLws();
        String comment = c.peek() == '(' && !c.atEnd() ? comment(c) : null;
        Params params = ParamsParser.parse(c);
        c.expectEnd();
        String duration = params.get("duration");
        if (duration != null) {
            Numbers.parseUnsignedInt(duration, HEADER + " duration", Numbers.MAX_DELTA_SECONDS);
        }
        return new RetryAfter(seconds, comment, params);
    }

    /** comment = LPAREN *(ctext / quoted-pair / comment) RPAREN; nesting is tracked by depth. */
    private static String comment(HeaderCursor c) {
        String text = c.text();
        int start = c.position() + 1;
        int depth = 0;
        for (int i = c.position(); i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\\') {
                i++;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                c.moveTo(i + 1);
                return text.substring(start, i);
            }
        }
        throw c.error("unterminated comment");
    }

    /** The duration parameter in seconds, or -1 when absent. */
    public long duration() {
        String v = params.get("duration");
        return v == null ? -1 : Long.parseLong(v);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder().append(seconds);
        if (comment != null) {
            out.append(" (").append(comment).append(')');
        }
        params.appendTo(out);
        return out.toString();
    }
}
