package io.callops.events;

import java.time.Duration;
import java.util.Objects;

/**
 * How events are delivered.
 *
 * @param queueSize       events waiting per subscriber; beyond that new events are dropped for it
 * @param deliveryThreads threads that send events (and run listeners)
 * @param httpRetries     how many times a failed HTTP POST is tried again
 * @param httpTimeout     connect and answer timeout of one HTTP POST
 */
public record EventSettings(int queueSize, int deliveryThreads, int httpRetries, Duration httpTimeout) {
    public static final EventSettings DEFAULT = new EventSettings(10_000, 2, 3, Duration.ofMillis(2000));

    public EventSettings {
        if (queueSize < 1) {
            throw new IllegalArgumentException("queueSize must be > 0");
        }
        if (deliveryThreads < 1) {
            throw new IllegalArgumentException("deliveryThreads must be > 0");
        }
        if (httpRetries < 0) {
            throw new IllegalArgumentException("httpRetries must be >= 0");
        }
        Objects.requireNonNull(httpTimeout, "httpTimeout");
        if (httpTimeout.isNegative() || httpTimeout.isZero()) {
            throw new IllegalArgumentException("httpTimeout must be > 0");
        }
    }

    public EventSettings withQueueSize(int n) {
        return new EventSettings(n, deliveryThreads, httpRetries, httpTimeout);
    }

    public EventSettings withHttp(int retries, Duration timeout) {
        return new EventSettings(queueSize, deliveryThreads, retries, timeout);
    }
}
