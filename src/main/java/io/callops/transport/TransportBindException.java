package io.callops.transport;

/** A listen address could not be bound when the transport started. */
public final class TransportBindException extends RuntimeException {
    private final ListenAddress address;

    public TransportBindException(ListenAddress address, Throwable cause) {
        super("cannot listen on " + address + ": " + (cause == null ? "unknown error" : cause.getMessage()), cause);
        this.address = address;
    }

    public ListenAddress address() {
        return address;
    }
}
