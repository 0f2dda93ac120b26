/**
 * The event interface: declared event types, in-process listeners and network subscriptions
 * ({@code udp:}, {@code tcp:}, {@code http://}, {@code https://}) with expiry, persistence, bounded
 * per-subscriber queues and delivery on a small pool of its own, plus the MI commands that
 * manage them. Layers raise events through {@link io.callops.api.EventSink}; {@link
 * io.callops.events.EventBus} is the implementation the server hands out.
 */
package io.callops.events;
