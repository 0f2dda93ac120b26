package io.callops.proxy;

import io.callops.transport.Flow;

/**
 * One destination of a forwarded request: the Request-URI it gets (null = unchanged), an
 * explicit next hop (null = from Route or Request-URI, RFC 3261 §16.6 step 7), and a flow
 * to reuse (a registered contact's connection or NAT binding), if any.
 */
public record Target(String requestUri, String nextHopUri, Flow flow) {

    /** Relay with the Request-URI replaced. */
    public static Target uri(String requestUri) {
        return new Target(requestUri, null, null);
    }

    /** Relay to an outbound proxy / next hop, leaving the Request-URI as it is. */
    public static Target via(String nextHopUri) {
        return new Target(null, nextHopUri, null);
    }

    /** Relay unchanged. */
    public static Target asIs() {
        return new Target(null, null, null);
    }
}
