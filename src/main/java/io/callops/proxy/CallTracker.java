package io.callops.proxy;

import io.callops.sip.SipRequest;
import io.callops.transport.Flow;

/**
 * Call state kept above the proxy (the dialog layer), told about requests as they are
 * relayed. One instance per worker; every method runs on that worker. The proxy knows
 * nothing of dialogs: it only offers these hooks.
 */
public interface CallTracker {

    /**
     * A request with a To tag arrived, before routing. The tracker may answer it itself
     * ({@link RequestContext#reply}), in which case routing is skipped, and may return a
     * watcher for its relaying (or null).
     */
    RelayWatcher onInDialogRequest(RequestContext request);

    /** Routing code asked for the request to be tracked as a new dialog; returns its watcher. */
    RelayWatcher createDialog(RequestContext request);

    /** An ACK for a 2xx about to be forwarded end to end; the tracker may rewrite it (CSeq). */
    void onAck(SipRequest ack, Flow flow);

    /** A named value of the request's dialog (a String or a Long), or null. */
    default Object dialogValue(RequestContext request, String name) {
        return null;
    }

    /** Sets (null removes) a named value of the request's dialog; false when it has none. */
    default boolean setDialogValue(RequestContext request, String name, Object value) {
        return false;
    }

    /** Sets the lifetime of the request's dialog from now; false when it has none. */
    default boolean setDialogTimeout(RequestContext request, int seconds) {
        return false;
    }

    /** Tracks nothing. */
    CallTracker NONE = new CallTracker() {
        @Override public RelayWatcher onInDialogRequest(RequestContext request) { return null; }
        @Override public RelayWatcher createDialog(RequestContext request) { return null; }
        @Override public void onAck(SipRequest ack, Flow flow) { }
    };
}
