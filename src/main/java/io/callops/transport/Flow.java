package io.callops.transport;

import java.net.InetSocketAddress;

/**
 * The path one message took or will take: transport, our local socket, the peer's address
 * and, for connection-oriented transports, the connection. Sending on a known flow is how
 * responses go back on the connection their request came on (RFC 3261 §18.2.2) and how
 * in-dialog requests reach a phone behind NAT.
 *
 * @param connectionId the TCP connection, or 0 for UDP
 */
public record Flow(TransportType transport, InetSocketAddress local, InetSocketAddress remote, long connectionId) {}
