package io.callops.dialog;

import io.callops.sip.SipResponse;

/**
 * How a request we sent into a dialog ended (reference R2): the final status, and the
 * response when one came from the network (null for a timeout, 408, or a local failure).
 */
public record RequestOutcome(int status, String reason, SipResponse response) {

    public boolean success() {
        return status >= 200 && status < 300;
    }

    /** {@code 200 OK}, as events show a status. */
    public String statusLine() {
        return status + " " + reason;
    }

    static RequestOutcome local(int status, String reason) {
        return new RequestOutcome(status, reason, null);
    }
}
