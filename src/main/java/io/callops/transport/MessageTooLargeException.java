package io.callops.transport;

import java.io.IOException;

/**
 * A message does not fit in one UDP datagram. RFC 3261 §18.1.1 tells the sender to use a
 * congestion-controlled transport such as TCP instead, which the caller can do on this error.
 */
public final class MessageTooLargeException extends IOException {
    private final int size;
    private final int limit;

    public MessageTooLargeException(int size, int limit) {
        super("message of " + size + " bytes exceeds the UDP payload limit of " + limit + " bytes");
        this.size = size;
        this.limit = limit;
    }

    public int size() {
        return size;
    }

    public int limit() {
        return limit;
    }
}
