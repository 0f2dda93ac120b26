package io.callops.proxy;

/**
 * Behaviour switches of the proxy core.
 *
 * @param maxForwardsDefault the Max-Forwards added to a request that has none (RFC 3261 §16.6 step 3)
 * @param serverHeader the Server header of responses we generate, or null for none
 * @param udpSizeLimit requests larger than this go over TCP when possible (RFC 3261 §18.1.1)
 * @param recordRoute false turns the routing API's recordRoute() into a no-op
 */
public record ProxySettings(int maxForwardsDefault, String serverHeader, int udpSizeLimit, boolean recordRoute) {
    public static final ProxySettings DEFAULT = new ProxySettings(70, "callops", 1300, true);
}
