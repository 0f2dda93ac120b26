package io.callops.events;

import java.util.concurrent.CompletableFuture;

/** An in-process listener, called on the delivery thread like any other subscriber. */
final class ListenerDelivery implements Delivery {
    private final EventListener listener;

    ListenerDelivery(EventListener listener) {
        this.listener = listener;
    }

    @Override
    public CompletableFuture<Void> send(RaisedEvent event) {
        try {
            listener.onEvent(event.event());
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void close() {
        // nothing held
    }
}
