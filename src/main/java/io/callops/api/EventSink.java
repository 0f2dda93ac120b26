package io.callops.api;

/**
 * Where layers raise their events. Implementations never block the caller: the SIP path
 * raises events on its workers.
 */
public interface EventSink {

    /** Makes an event known (listed by {@code events_list}, accepted by subscriptions). */
    void declare(EventType type);

    /**
     * True when someone listens for this event; callers skip building events nobody wants
     * (the reference builds events only when a subscriber exists).
     */
    boolean wanted(EventType type);

    /** Hands an event over for delivery; returns at once. */
    void raise(Event event);

    /** A sink that knows every event and delivers none: for tests and embedded use. */
    EventSink NONE = new EventSink() {
        @Override public void declare(EventType type) { }
        @Override public boolean wanted(EventType type) { return false; }
        @Override public void raise(Event event) { }
    };
}
