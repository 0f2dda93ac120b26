package io.callops.transport;

import io.callops.sip.ParserLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * How the transport sizes its threads, sockets and limits.
 *
 * @param ioThreads             event-loop threads shared by every socket; one is plenty for
 *                              tens of thousands of messages a second because parsing is cheap
 * @param udpReceiveBufferBytes SO_RCVBUF asked for on UDP sockets: a large buffer absorbs
 *                              bursts (re-REGISTER storms after an outage) instead of dropping
 * @param udpSendBufferBytes    SO_SNDBUF asked for on UDP sockets
 * @param tcpIdleTimeout        a connection with no read and no write for this long is closed
 * @param tcpConnectTimeout     how long an outgoing TCP connect may take before the send fails
 * @param maxTcpConnections     accepted connections beyond this are closed at once
 * @param parserLimits          limits for the parser and the TCP framer
 * @param udpWorkerPortBase     when above 0, I/O thread {@code i} also listens on UDP port
 *                              {@code udpWorkerPortBase + i} of every UDP listen host and puts it
 *                              in the Via and Record-Route of what it relays (see {@link UdpWorkerPorts})
 */
public record TransportSettings(int ioThreads, int udpReceiveBufferBytes, int udpSendBufferBytes,
                                Duration tcpIdleTimeout, Duration tcpConnectTimeout, int maxTcpConnections,
                                ParserLimits parserLimits, int udpWorkerPortBase) {

    private static final int FOUR_MIB = 4 * 1024 * 1024;

    public static final TransportSettings DEFAULT = new TransportSettings(1, FOUR_MIB, FOUR_MIB,
            Duration.ofSeconds(120), Duration.ofSeconds(5), 10_000, ParserLimits.DEFAULT, 0);

    public TransportSettings {
        Objects.requireNonNull(tcpIdleTimeout, "tcpIdleTimeout");
        Objects.requireNonNull(tcpConnectTimeout, "tcpConnectTimeout");
        Objects.requireNonNull(parserLimits, "parserLimits");
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be at least 1, got " + ioThreads);
        }
        if (udpReceiveBufferBytes < 1 || udpSendBufferBytes < 1) {
            throw new IllegalArgumentException("UDP socket buffers must be positive");
        }
        if (tcpIdleTimeout.toMillis() < 1 || tcpConnectTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("TCP timeouts must be at least 1 ms");
        }
        if (maxTcpConnections < 1) {
            throw new IllegalArgumentException("maxTcpConnections must be at least 1, got " + maxTcpConnections);
        }
        // The range itself is checked against the thread count by UdpWorkerPorts.
        if (udpWorkerPortBase < 0 || udpWorkerPortBase > 65_535) {
            throw new IllegalArgumentException("udpWorkerPortBase must be 0 to 65535, got " + udpWorkerPortBase);
        }
    }

    /** The threads' own UDP ports, {@link UdpWorkerPorts#NONE} when off. */
    public UdpWorkerPorts udpWorkerPorts() {
        return udpWorkerPortBase == 0 ? UdpWorkerPorts.NONE : new UdpWorkerPorts(udpWorkerPortBase, ioThreads);
    }

    public TransportSettings withUdpWorkerPorts(int base) {
        return new TransportSettings(ioThreads, udpReceiveBufferBytes, udpSendBufferBytes, tcpIdleTimeout,
                tcpConnectTimeout, maxTcpConnections, parserLimits, base);
    }

    public TransportSettings withIoThreads(int n) {
        return new TransportSettings(n, udpReceiveBufferBytes, udpSendBufferBytes, tcpIdleTimeout, tcpConnectTimeout,
                maxTcpConnections, parserLimits, udpWorkerPortBase);
    }

    public TransportSettings withUdpBuffers(int receiveBytes, int sendBytes) {
        return new TransportSettings(ioThreads, receiveBytes, sendBytes, tcpIdleTimeout, tcpConnectTimeout,
                maxTcpConnections, parserLimits, udpWorkerPortBase);
    }

    public TransportSettings withTcpIdleTimeout(Duration d) {
        return new TransportSettings(ioThreads, udpReceiveBufferBytes, udpSendBufferBytes, d, tcpConnectTimeout,
                maxTcpConnections, parserLimits, udpWorkerPortBase);
    }

    public TransportSettings withTcpConnectTimeout(Duration d) {
        return new TransportSettings(ioThreads, udpReceiveBufferBytes, udpSendBufferBytes, tcpIdleTimeout, d,
                maxTcpConnections, parserLimits, udpWorkerPortBase);
    }

    public TransportSettings withMaxTcpConnections(int n) {
        return new TransportSettings(ioThreads, udpReceiveBufferBytes, udpSendBufferBytes, tcpIdleTimeout,
                tcpConnectTimeout, n, parserLimits, udpWorkerPortBase);
    }

    public TransportSettings withParserLimits(ParserLimits limits) {
        return new TransportSettings(ioThreads, udpReceiveBufferBytes, udpSendBufferBytes, tcpIdleTimeout,
                tcpConnectTimeout, maxTcpConnections, limits, udpWorkerPortBase);
    }
}
