package io.callops.proxy;

/**
 * The call operations routing code can use (the OpenSIPS callops script functions),
 * provided by the layer above the proxy. Each returns true when it did what was asked; the
 * reason when it did not is logged.
 */
public interface CallControl {

    /** Blind transfer of a leg ({@code caller}/{@code callee}) of the request's dialog to a destination. */
    boolean callTransfer(RequestContext request, String leg, String destination);

    /**
     * Attended transfer: the leg of the request's dialog is connected to {@code transferLeg} of
     * the dialog {@code transferCallId}; {@code destination} may be null (taken from that dialog).
     */
    boolean callTransfer(RequestContext request, String leg, String transferCallId, String transferLeg,
                         String destination);

    /** Links this new INVITE to the transfer of dialog {@code callId} ({@code manual} mode); {@code leg} may be null. */
    boolean callBlindReplace(RequestContext request, String callId, String leg);

    /** Handles a NOTIFY (Event: refer) for one of our transfers ({@code manual} mode): answered and raised. */
    boolean callTransferNotify(RequestContext request);

    /** Without call operations: every call does nothing and says so. */
    CallControl NONE = new CallControl() {
        @Override public boolean callTransfer(RequestContext r, String leg, String destination) { return false; }
        @Override public boolean callTransfer(RequestContext r, String l, String c, String tl, String d) { return false; }
        @Override public boolean callBlindReplace(RequestContext r, String callId, String leg) { return false; }
        @Override public boolean callTransferNotify(RequestContext r) { return false; }
    };
}
