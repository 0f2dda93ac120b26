package io.callops.proxy;

import io.callops.sip.SipResponse;

/**
 * Called when every branch of a forwarded request ended without a 2xx, before the best
 * response goes upstream (the OpenSIPS failure route). It may reply with another response,
 * relay to new targets (serial forking), or do nothing to let the best response through.
 */
@FunctionalInterface
public interface FailureHandler {
    /**
     * @param best the response that would be sent (RFC 3261 §16.7 choice)
     * @param allBranchesUnanswered true when no branch got any response from the network
     *        (every one timed out or failed to send)
     */
    void onFailure(RequestContext request, SipResponse best, boolean allBranchesUnanswered);
}
