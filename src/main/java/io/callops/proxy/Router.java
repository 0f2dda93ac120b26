package io.callops.proxy;

/**
 * Routing logic: what a routing script is in OpenSIPS. Called on the call's worker for every
 * request that is not a retransmission, an ACK for a 2xx or a CANCEL (the core handles
 * those as RFC 3261 says). An implementation must decide (relay, reply or drop) before it
 * returns, and must not block.
 */
public interface Router {
    void onRequest(RequestContext request);
}
