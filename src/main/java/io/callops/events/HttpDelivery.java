package io.callops.events;

import io.netty.channel.EventLoop;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code http://} and {@code https://}: one POST per event. A connection failure, a timeout, a
 * 5xx or a 429 is tried again after an exponential backoff, at most {@code retries} times;
 * any other answer outside 2xx is final. Nothing blocks a delivery thread: the request and
 * the backoff are asynchronous.
 */
final class HttpDelivery implements Delivery {
    private static final long FIRST_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 5000;

    private final HttpClient client;
    private final URI uri;
    private final EventLoop loop;
    private final int retries;
    private final Duration timeout;
    private volatile boolean closed;

    HttpDelivery(HttpClient client, URI uri, EventLoop loop, int retries, Duration timeout) {
        this.client = client;
        this.uri = uri;
        this.loop = loop;
        this.retries = retries;
        this.timeout = timeout;
    }

    @Override
    public CompletableFuture<Void> send(RaisedEvent event) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(event.json())).build();
        CompletableFuture<Void> done = new CompletableFuture<>();
        attempt(request, 0, done);
        return done;
    }

    private void attempt(HttpRequest request, int attempt, CompletableFuture<Void> done) {
        if (closed) {
            done.completeExceptionally(new ClosedChannelException());
            return;
        }
        // Back on the subscriber's own thread, like every other step of its delivery.
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenCompleteAsync((response, failure) -> {
            if (failure == null && response.statusCode() / 100 == 2) {
                done.complete(null);
                return;
            }
            boolean retryable = failure != null || response.statusCode() >= 500 || response.statusCode() == 429;
            if (!retryable || attempt >= retries || closed) {
                done.completeExceptionally(failure != null ? failure
                        : new IOException("HTTP " + response.statusCode() + " from " + uri));
                return;
            }
            loop.schedule(() -> attempt(request, attempt + 1, done), backoffMs(attempt), TimeUnit.MILLISECONDS);
        }, loop);
    }

    /** 100 ms, 200 ms, 400 ms, ... capped at 5 s. */
    static long backoffMs(int attempt) {
        return Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << Math.min(attempt, 16));
    }

    @Override
    public void close() {
        closed = true;
    }
}
