package io.callops.server.config;

/**
 * Delivery of events to subscribers.
 *
 * @param queueSize       events that may wait per subscriber; more are dropped for that subscriber
 * @param deliveryThreads threads that send events (never the SIP threads)
 * @param httpRetries     how many times a failed HTTP POST is tried again
 * @param httpTimeoutMs   connect and answer timeout of one HTTP POST
 */
public record EventsConfig(int queueSize, int deliveryThreads, int httpRetries, int httpTimeoutMs) {
    public EventsConfig {
        Check.between("events.queue_size", queueSize, 1, 10_000_000);
        Check.between("events.delivery_threads", deliveryThreads, 1, 64);
        Check.between("events.http_retries", httpRetries, 0, 10);
        Check.between("events.http_timeout_ms", httpTimeoutMs, 1, 600_000);
    }
}
