package io.callops.transport;

import java.net.InetSocketAddress;
import java.util.List;

/** Sends SIP bytes and tells an {@link InboundHandler} what arrives. Thread-safe. */
public interface SipTransport extends AutoCloseable {

    /** The sockets this transport listens on, in configuration order. */
    List<ListenAddress> listenAddresses();

    /** The listen address used to send over {@code type} (the first one of that transport). */
    ListenAddress localFor(TransportType type);

    /**
     * When the I/O threads have UDP ports of their own ({@link UdpWorkerPorts}) and the caller
     * is one of them: the flow from that thread's own port to {@code remote}, shared like every
     * UDP flow; a request sent on it names that port in its Via and Record-Route. Otherwise null.
     */
    default Flow ownUdpFlowTo(InetSocketAddress remote) {
        return null;
    }

    /**
     * Sends on a known flow: over UDP from the flow's local socket to its remote address; over
     * TCP on that connection, or, when it is gone, on a connection to the flow's remote address.
     */
    void send(Flow flow, byte[] bytes, SendResult result);

    /**
     * Sends to an address: over UDP from the first UDP listen socket; over TCP on an open
     * connection to that address or on a new one.
     */
    void send(TransportType type, InetSocketAddress destination, byte[] bytes, SendResult result);

    @Override
    void close();
}
