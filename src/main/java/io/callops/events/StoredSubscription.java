package io.callops.events;

import java.util.Objects;

/**
 * A subscription as kept across restarts.
 *
 * @param socket          the canonical socket text
 * @param expiresAtMillis when it ends, in milliseconds since the epoch (wall clock, so that it
 *                        means the same after a restart)
 */
public record StoredSubscription(String event, String socket, long expiresAtMillis) {
    public StoredSubscription {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(socket, "socket");
    }
}
