package io.callops.api;

import java.util.List;
import java.util.Objects;

/**
 * An event a layer can raise: its name (the OpenSIPS {@code E_...} form) and the names of its
 * parameters in declaration order, which is the order they are delivered in.
 */
public record EventType(String name, List<String> parameters) {
    public EventType {
        Objects.requireNonNull(name, "name");
        if (!name.startsWith("E_") || name.length() < 3) {
            throw new IllegalArgumentException("event names start with E_: " + name);
        }
        parameters = List.copyOf(parameters);
    }

    /** An event of this type; values in the order of {@link #parameters()}, strings or numbers. */
    public Event of(Object... values) {
        return new Event(this, List.of(values));
    }
}
