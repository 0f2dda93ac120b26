package io.callops.events;

import java.util.concurrent.CompletableFuture;

/**
 * Sends events to one subscriber. Called only on that subscriber's delivery thread and one
 * event at a time, so implementations keep their connection state without locks; the future
 * may complete on any thread.
 */
interface Delivery {
    /** Completes when the event has been handed over, or exceptionally when it could not be. */
    CompletableFuture<Void> send(RaisedEvent event);

    /** Releases connections; a send in progress fails. Called on the delivery thread. */
    void close();
}
