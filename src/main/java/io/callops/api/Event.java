package io.callops.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One raised event. Values are strings or numbers, one per parameter of the type, in the
 * type's order; a null value means "no value" and is left out of what is delivered.
 *
 * @param callId the call the event is about, or null; delivery keeps one call's events in order
 */
public record Event(EventType type, List<Object> values, String callId) {
    public Event {
        Objects.requireNonNull(type, "type");
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        if (values.size() != type.parameters().size()) {
            throw new IllegalArgumentException(type.name() + " takes " + type.parameters().size()
                    + " values, got " + values.size());
        }
        for (Object v : values) {
            if (v != null && !(v instanceof String) && !(v instanceof Number)) {
                throw new IllegalArgumentException(type.name() + ": values are strings or numbers, not "
                        + v.getClass().getSimpleName());
            }
        }
    }

    Event(EventType type, List<Object> values) {
        this(type, values, null);
    }

    /** The same event, tagged with the call it is about. */
    public Event forCall(String id) {
        return new Event(type, values, id);
    }

    public String name() {
        return type.name();
    }

    /** Parameter name to value, in declaration order, without the parameters that have no value. */
    public Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null) {
                m.put(type.parameters().get(i), values.get(i));
            }
        }
        return m;
    }
}
