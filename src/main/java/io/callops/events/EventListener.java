package io.callops.events;

import io.callops.api.Event;

/**
 * Java code that wants events without a network socket. It is called on a delivery thread,
 * one event at a time and in the order raised, never on the thread that raised the event;
 * it must return quickly because other subscribers share that thread.
 */
@FunctionalInterface
public interface EventListener {
    void onEvent(Event event);
}
