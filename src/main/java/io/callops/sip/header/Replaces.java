package io.callops.sip.header;

import java.util.List;
import java.util.Objects;

/**
 * Replaces (RFC 3891 §6.1): the dialog to replace, identified by Call-ID and both tags.
 * to-tag and from-tag are mandatory; extension parameters are kept in {@code otherParams}.
 */
public record Replaces(String callId, String toTag, String fromTag, boolean earlyOnly, Params otherParams) {

    private static final String HEADER = "Replaces";
    private static final List<String> KNOWN = List.of("to-tag", "from-tag", "early-only");

    public Replaces {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(toTag, "toTag");
        Objects.requireNonNull(fromTag, "fromTag");
        otherParams = otherParams == null ? Params.empty() : otherParams.withoutAll(KNOWN);
    }

    public Replaces(String callId, String toTag, String fromTag, boolean earlyOnly) {
        this(callId, toTag, fromTag, earlyOnly, Params.empty());
    }

    public static Replaces parse(CharSequence value) {
        HeaderCursor c = new HeaderCursor(HEADER, value);
        String callId = callId(c);
        Params params = ParamsParser.parse(c);
        c.expectEnd();
        String toTag = requiredTag(c, params, "to-tag");
        String fromTag = requiredTag(c, params, "from-tag");
        String early = params.get("early-only");
        if (early != null && !early.isEmpty()) {
            throw c.error("early-only takes no value");
        }
        return new Replaces(callId, toTag, fromTag, early != null, params);
    }

    /** callid = word [ "@" word ] (RFC 3261 §25.1). */
    private static String callId(HeaderCursor c) {
        c.skipLws();
        String text = c.text();
        int start = c.position();
        int end = start;
        while (end < text.length() && (isWordChar(text.charAt(end)) || text.charAt(end) == '@')) {
            end++;
        }
        String callId = text.substring(start, end);
        int at = callId.indexOf('@');
        if (callId.isEmpty() || at == 0 || at == callId.length() - 1 || (at >= 0 && callId.indexOf('@', at + 1) >= 0)) {
            throw c.error("missing or malformed call-id" + (callId.isEmpty() ? "" : " '" + callId + "'"));
        }
        c.moveTo(end);
        return callId;
    }

    private static String requiredTag(HeaderCursor c, Params params, String name) {
        String tag = params.get(name);
        if (tag == null) {
            throw c.error("missing " + name);
        }
        if (!HeaderCursor.isToken(tag)) {
            throw c.error(name + " must be a token");
        }
        return tag;
    }

    /** word = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~" / "(" / ")" / "<" / ">" / ":" / "\" / DQUOTE / "/" / "[" / "]" / "?" / "{" / "}"). */
    static boolean isWordChar(char ch) {
        return HeaderCursor.isTokenChar(ch) || "()<>:\\\"/[]?{}".indexOf(ch) >= 0;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(callId).append(";to-tag=").append(toTag).append(";from-tag=").append(fromTag);
        if (earlyOnly) {
            out.append(";early-only");
        }
        otherParams.appendTo(out);
        return out.toString();
    }
}
