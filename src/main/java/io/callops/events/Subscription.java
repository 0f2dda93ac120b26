package io.callops.events;

/** One socket subscribed to one event, with the queue that feeds it. */
record Subscription(EventChannel channel, EventSocket socket, Outbox outbox) {

    long expiresAtMillis() {
        return outbox.acceptsUntilMillis();
    }

    boolean expired(long nowMillis) {
        return nowMillis >= expiresAtMillis();
    }

    /** Whole seconds left, rounded up, so a fresh 3600 s subscription shows 3600. */
    long secondsLeft(long nowMillis) {
        return Math.max(0, (expiresAtMillis() - nowMillis + 999) / 1000);
    }

    SubscriberView view(long nowMillis) {
        return new SubscriberView(socket.text(), socket.transport(), secondsLeft(nowMillis), outbox.delivered(),
                outbox.drops());
    }
}
