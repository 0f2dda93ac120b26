package io.callops.events;

/** The subscription store cannot be opened, read or written. */
public final class SubscriptionStoreException extends RuntimeException {
    public SubscriptionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
