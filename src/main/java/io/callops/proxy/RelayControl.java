package io.callops.proxy;

/** What a {@link RelayWatcher} may do to the relaying it watches. */
public interface RelayControl {

    /**
     * Cancels every branch still ringing, as if the caller had sent CANCEL (RFC 3261 §16.10):
     * the callee's 487 then goes upstream. Nothing happens once a final response went up.
     */
    void cancelBranches();
}
