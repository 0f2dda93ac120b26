package io.callops.events;

/** A subscription socket that cannot be used: the only error {@link EventSocket#parse} raises. */
public final class InvalidSocketException extends IllegalArgumentException {
    public InvalidSocketException(String socket, String reason) {
        super("bad event socket '" + socket + "': " + reason);
    }
}
