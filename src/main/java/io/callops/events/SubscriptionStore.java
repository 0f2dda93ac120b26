package io.callops.events;

import java.util.List;

/**
 * Where subscriptions are kept so that a restart does not lose them. Called from one thread at
 * a time, never a SIP one, and only when a subscription is made, refreshed, removed or expires.
 */
public interface SubscriptionStore extends AutoCloseable {

    /** The subscriptions still running at {@code nowMillis}; the ended ones are forgotten. */
    List<StoredSubscription> loadUnexpired(long nowMillis);

    /** Adds a subscription, or replaces the one with the same event and socket. */
    void save(StoredSubscription subscription);

    void remove(String event, String socket);

    @Override
    void close();
}
