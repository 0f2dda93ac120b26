package io.callops.events;

import io.callops.api.Event;

/**
 * An event on its way to its subscribers. The JSON is made on the first delivery thread that
 * needs it, not on the raising thread, and then shared by every network subscriber.
 */
final class RaisedEvent {
    private final Event event;
    private volatile byte[] json;

    RaisedEvent(Event event) {
        this.event = event;
    }

    Event event() {
        return event;
    }

    /** The JSON-RPC notification; two threads may both encode it once, which is harmless. */
    byte[] json() {
        byte[] j = json;
        if (j == null) {
            j = EventPayload.encode(event);
            json = j;
        }
        return j;
    }
}
