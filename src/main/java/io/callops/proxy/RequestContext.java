package io.callops.proxy;

import io.callops.sip.SipRequest;
import java.util.List;

/**
 * What routing code can see and do with one request: the primitives of a SIP routing
 * script. Every method runs on the call's worker.
 */
public interface RequestContext {

    SipRequest request();

    /** The flow the request came in on. */
    io.callops.transport.Flow flow();

    default String method() {
        return request().method();
    }

    default boolean isMethod(String method) {
        return request().isMethod(method);
    }

    /** True for a request inside a dialog (RFC 3261 §12.2: the To header has a tag). */
    default boolean hasToTag() {
        return request().toTag() != null;
    }

    /** A header's first value, or null. */
    default String header(String name) {
        return request().header(name);
    }

    /** True when the Request-URI names one of our domains. */
    boolean isForUs();

    /**
     * True when the request carries a route set to follow: it had a Route naming us (removed
     * by the core, RFC 3261 §16.4) or still has Route headers. Relaying then follows them.
     */
    boolean looseRoute();

    /**
     * Tracks this initial INVITE as a dialog (the OpenSIPS {@code create_dialog()}): its
     * state, both legs, CSeq numbering and lifetime, so that call operations can act on it.
     */
    void createDialog();

    /**
     * A named value of this request's dialog (the one it belongs to, or the one
     * {@link #createDialog()} made): a String or a Long; null when unset or without a dialog.
     */
    Object dialogValue(String name);

    /** Sets (null removes) a named value of this request's dialog, persisted with it; false without a dialog. */
    boolean setDialogValue(String name, Object value);

    /** Sets this request's dialog lifetime from now (the per-dialog timeout); false without a dialog. */
    boolean setDialogTimeout(int seconds);

    /** Adds our Record-Route (RFC 3261 §16.6 step 4) to what is relayed. */
    void recordRoute();

    /** Relays to the Request-URI or the top Route. */
    void relay();

    /** Relays to one target. */
    void relay(Target target);

    /** Relays to several targets at once (parallel forking, RFC 3261 §16.6). */
    void fork(List<Target> targets);

    /** Answers the request ourselves. */
    void reply(int code, String reason);

    /** Ends processing without an answer (the client will time out). */
    void drop();

    /** Replaces the failure handling of the request's forwarding. */
    void onFailure(FailureHandler handler);

    /** Processes a REGISTER with the registrar and answers it (RFC 3261 §10.3). */
    void saveRegistration();

    /** The registered contacts of the Request-URI's address of record, best first. */
    List<Target> lookupLocation();

    /** The static route table. */
    RouteTable routes();

    /** The call operations (transfer and NOTIFY handling) for this request. */
    CallControl callControl();

    /** Blind transfer of a leg of this request's dialog (the OpenSIPS {@code call_transfer(leg, destination)}). */
    default boolean callTransfer(String leg, String destination) {
        return callControl().callTransfer(this, leg, destination);
    }

    /** Attended transfer (the OpenSIPS {@code call_transfer(leg, transfer_callid, transfer_leg[, destination])}). */
    default boolean callTransfer(String leg, String transferCallId, String transferLeg, String destination) {
        return callControl().callTransfer(this, leg, transferCallId, transferLeg, destination);
    }

    /** Links this new INVITE to a transfer of dialog {@code callId} (the OpenSIPS {@code call_blind_replace}). */
    default boolean callBlindReplace(String callId, String leg) {
        return callControl().callBlindReplace(this, callId, leg);
    }

    /** Handles this NOTIFY for one of our transfers (the OpenSIPS {@code call_transfer_notify()}). */
    default boolean callTransferNotify() {
        return callControl().callTransferNotify(this);
    }

    /** True once relay, fork, reply or drop was called. */
    boolean decided();
}
