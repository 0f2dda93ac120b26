package io.callops.events;

import io.callops.api.EventType;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The declared events by name, numbered in the order they were declared. */
final class EventCatalog {
    private final ConcurrentHashMap<String, EventChannel> byName = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<EventChannel> inOrder = new CopyOnWriteArrayList<>();

    /**
     * The channel of this type, made on first declaration.
     *
     * @throws IllegalArgumentException when the name was declared with other parameters
     */
    synchronized Declared declare(EventType type) {
        EventChannel existing = byName.get(type.name());
        if (existing != null) {
            if (!existing.type.equals(type)) {
                throw new IllegalArgumentException("event " + type.name() + " is already declared with parameters "
                        + existing.type.parameters() + ", not " + type.parameters());
            }
            return new Declared(existing, false);
        }
        EventChannel ch = new EventChannel(type, inOrder.size());
        inOrder.add(ch);
        byName.put(type.name(), ch);
        return new Declared(ch, true);
    }

    /** A declaration's channel, and whether this call created it. */
    record Declared(EventChannel channel, boolean isNew) {
    }

    /** The channel of a declared event, or null. Lock-free: the raising thread calls this. */
    EventChannel get(String name) {
        return byName.get(name);
    }

    List<EventChannel> all() {
        return List.copyOf(inOrder);
    }
}
