package io.callops.events;

/** A subscription that cannot be made: unknown event, bad socket or a host that does not resolve. */
public final class SubscriptionRejectedException extends RuntimeException {
    public SubscriptionRejectedException(String message) {
        super(message, null, false, false); // an expected answer, not a bug: no stack trace needed
    }
}
