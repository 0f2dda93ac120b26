package io.callops.sip.header;

import java.util.List;
import java.util.Objects;

/**
 * Event (RFC 6665 §8.2.1), e.g. {@code refer;id=93809824}. The id parameter is pulled out
 * because it, together with the package, identifies a subscription (§8.2.1, RFC 3515 §2.4.6);
 * {@code params} holds the other parameters.
 */
public record EventHeader(String eventPackage, String id, Params params) {

    private static final String HEADER = "Event";

    public EventHeader {
        if (!HeaderCursor.isToken(eventPackage)) {
            throw new IllegalArgumentException("event package is not a token: " + eventPackage);
        }
        params = params == null ? Params.empty() : params.without("id");
    }

    public static EventHeader parse(CharSequence value) {
        HeaderCursor c = new HeaderCursor(HEADER, value);
        String eventType = c.token("event package");
        if (eventType.startsWith(".") || eventType.endsWith(".") || eventType.contains("..")) {
            throw c.error("malformed event type '" + eventType + "'");
        }
        Params params = ParamsParser.parse(c);
        c.expectEnd();
        String id = params.get("id");
        if (id != null && id.isEmpty()) {
            throw c.error("id parameter needs a value");
        }
        return new EventHeader(eventType, id, params);
    }

    /** A parameter's value, including id: "" for a flag, null when absent. */
    public String param(String name) {
        return "id".equalsIgnoreCase(name) ? id : params.get(name);
    }

    /** Same package (ignoring case) and same id: the RFC 6665 §8.2.1 matching rule. */
    public boolean matches(EventHeader other) {
        return eventPackage.equalsIgnoreCase(other.eventPackage) && Objects.equals(id, other.id);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(eventPackage);
        if (id != null) {
            Params.of(List.of(new Params.Param("id", id, !Params.isPlainValue(id)))).appendTo(out);
        }
        params.appendTo(out);
        return out.toString();
    }
}
