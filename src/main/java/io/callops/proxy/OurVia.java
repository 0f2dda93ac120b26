package io.callops.proxy;

import io.callops.transport.IpLiterals;
import io.callops.transport.TransportType;
import java.net.InetSocketAddress;

/**
 * The Via the proxy puts on a request it sends (RFC 3261 §16.6 step 8, §18.1.1): the transport
 * and, as sent-by, the address of the socket the request leaves from, so that the answer comes
 * back to that socket.
 */
public final class OurVia {
    private OurVia() {}

    public static String value(TransportType transport, InetSocketAddress sentBy, String branch) {
        return "SIP/2.0/" + transport.viaToken() + ' ' + IpLiterals.uriHost(sentBy.getAddress()) + ':'
                + sentBy.getPort() + ";branch=" + branch;
    }
}
