package io.callops.transport;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of what the transport did. Updated from event-loop threads without contention
 * ({@link LongAdder}) and read from anywhere, e.g. by a metrics exporter.
 */
public final class TransportStats {
    final LongAdder datagramsReceived = new LongAdder();
    final LongAdder segmentsReceived = new LongAdder();
    final LongAdder bytesReceived = new LongAdder();
    final LongAdder messagesReceived = new LongAdder();
    final LongAdder messagesSent = new LongAdder();
    final LongAdder sendErrors = new LongAdder();
    final LongAdder parseFailures = new LongAdder();
    final LongAdder openTcpConnections = new LongAdder();
    final LongAdder idleTimeoutCloses = new LongAdder();
    final LongAdder framingErrors = new LongAdder();
    final LongAdder rejectedTcpConnections = new LongAdder();
    final LongAdder internalErrors = new LongAdder();

    /** UDP datagrams read, keep-alives included. */
    public long datagramsReceived() {
        return datagramsReceived.sum();
    }

    /** TCP reads (each a chunk of the stream, not necessarily one message). */
    public long segmentsReceived() {
        return segmentsReceived.sum();
    }

    /** Bytes read over UDP and TCP. */
    public long bytesReceived() {
        return bytesReceived.sum();
    }

    /** Messages handed to the inbound handler, parsed or not. */
    public long messagesReceived() {
        return messagesReceived.sum();
    }

    public long messagesSent() {
        return messagesSent.sum();
    }

    public long sendErrors() {
        return sendErrors.sum();
    }

    public long parseFailures() {
        return parseFailures.sum();
    }

    public long openTcpConnections() {
        return openTcpConnections.sum();
    }

    public long idleTimeoutCloses() {
        return idleTimeoutCloses.sum();
    }

    /** TCP connections closed because the stream could not be cut into messages. */
    public long framingErrors() {
        return framingErrors.sum();
    }

    /** Accepted TCP connections closed at once because the connection limit was reached. */
    public long rejectedTcpConnections() {
        return rejectedTcpConnections.sum();
    }

    /** Unexpected exceptions (a handler that threw, a bug); should stay 0. */
    public long internalErrors() {
        return internalErrors.sum();
    }
}
