package io.callops.sip.header;

import java.util.List;

/**
 * Subscription-State (RFC 6665 §8.2.3), e.g. {@code terminated;reason=noresource} or
 * {@code active;expires=600}. Numeric fields are -1 when absent; {@code params} holds
 * the extension parameters.
 */
public record SubscriptionState(String state, String reason, long expires, long retryAfter, Params params) {

    private static final String HEADER = "Subscription-State";
    private static final List<String> KNOWN = List.of("reason", "expires", "retry-after");

    public SubscriptionState {
        if (!HeaderCursor.isToken(state)) {
            throw new IllegalArgumentException("subscription state is not a token: " + state);
        }
        params = params == null ? Params.empty() : params.withoutAll(KNOWN);
    }

    public static SubscriptionState parse(CharSequence value) {
        HeaderCursor c = new HeaderCursor(HEADER, value);
        String state = c.token("state");
        Params params = ParamsParser.parse(c);
        c.expectEnd();
        String reason = params.get("reason");
        if (reason != null && !HeaderCursor.isToken(reason)) {
            throw c.error("reason must be a token");
        }
        return new SubscriptionState(state, reason, seconds(params, "expires"), seconds(params, "retry-after"), params);
    }

    private static long seconds(Params params, String name) {
        String v = params.get(name);
        return v == null ? -1 : Numbers.parseUnsignedInt(v, HEADER + " " + name, Numbers.MAX_DELTA_SECONDS);
    }

    public boolean isActive() {
        return "active".equalsIgnoreCase(state);
    }

    public boolean isPending() {
        return "pending".equalsIgnoreCase(state);
    }

    public boolean isTerminated() {
        return "terminated".equalsIgnoreCase(state);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(state);
        if (reason != null) {
            out.append(";reason=").append(reason);
        }
        if (expires >= 0) {
            out.append(";expires=").append(expires);
        }
        if (retryAfter >= 0) {
            out.append(";retry-after=").append(retryAfter);
        }
        params.appendTo(out);
        return out.toString();
    }
}
