package io.callops.txn;

import io.callops.transport.Flow;
import io.callops.transport.TransportType;
import java.net.InetSocketAddress;

/**
 * Where a client transaction sends its request: a resolved address and transport, and
 * optionally the flow to reuse (a connection the request must go out on).
 */
public record Destination(TransportType transport, InetSocketAddress address, Flow flow) {

    public static Destination of(TransportType transport, InetSocketAddress address) {
        return new Destination(transport, address, null);
    }

    public static Destination of(Flow flow) {
        return new Destination(flow.transport(), flow.remote(), flow);
    }

    @Override
    public String toString() {
        return transport.uriParam() + ":" + address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
