package io.callops.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** For {@code dialog.store.type: none}: subscriptions live as long as the process. */
public final class InMemorySubscriptionStore implements SubscriptionStore {
    private final Map<List<String>, StoredSubscription> byKey = new LinkedHashMap<>();

    @Override
    public synchronized List<StoredSubscription> loadUnexpired(long nowMillis) {
        byKey.values().removeIf(s -> s.expiresAtMillis() <= nowMillis);
        return new ArrayList<>(byKey.values());
    }

    @Override
    public synchronized void save(StoredSubscription s) {
        byKey.put(List.of(s.event(), s.socket()), s);
    }

    @Override
    public synchronized void remove(String event, String socket) {
        byKey.remove(List.of(event, socket));
    }

    @Override
    public void close() {
        // nothing to release
    }
}
