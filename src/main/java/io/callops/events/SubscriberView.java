package io.callops.events;

/**
 * One subscriber as {@code subscribers_list} shows it.
 *
 * @param socket        the canonical socket text
 * @param expireSeconds seconds left before the subscription ends
 * @param delivered     events handed over to it
 * @param drops         events it did not get: queue full, sending failed, or the subscription ended first
 */
public record SubscriberView(String socket, DeliveryTransport transport, long expireSeconds, long delivered, long drops) {
}
