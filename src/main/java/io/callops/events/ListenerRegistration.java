package io.callops.events;

/** Ends a listener's registration; events still queued for it are dropped. */
@FunctionalInterface
public interface ListenerRegistration extends AutoCloseable {
    @Override
    void close();
}
