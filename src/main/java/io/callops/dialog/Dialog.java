package io.callops.dialog;

import io.callops.proxy.RelayControl;
import io.callops.txn.TimerHandle;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call the proxy tracks (RFC 3261 §12 as seen from the middle): its state, its two legs
 * and its named values. Lives on the worker that owns its Call-ID and is touched only
 * there, so it needs no locks.
 */
public final class Dialog {
    private final long id;
    private final String callId;
    DialogState state = DialogState.UNCONFIRMED;
    final Leg caller = new Leg();
    /** The answering party; a placeholder while the dialog is unconfirmed or early. */
    Leg callee = new Leg();
    /** Early dialogs by the callee's tag, while the INVITE may still fork (RFC 3261 §12.1). */
    Map<String, Leg> earlyCallees;
    final long initialCseq;
    final long startEpochMs;
    int timeoutS;
    long expiresEpochMs;
    boolean byeOnTimeout;
    TimerHandle lifetimeTimer = TimerHandle.NONE;
    /** How to cancel the initial INVITE while it is unanswered; null once it is over. */
    RelayControl initialInvite;
    /** INVITE transactions in progress on the dialog (relayed or ours): requests we originate wait for them. */
    int invitesInProgress;
    /** Requests of ours waiting for an INVITE transaction to end; made when the first one waits. */
    ArrayDeque<Runnable> waiting;
    private Map<String, Object> values;

    Dialog(long id, String callId, long initialCseq, long startEpochMs) {
        this.id = id;
        this.callId = callId;
        this.initialCseq = initialCseq;
        this.startEpochMs = startEpochMs;
    }

    public long id() {
        return id;
    }

    /** The id as the MI and events show it. */
    public String idText() {
        return Long.toUnsignedString(id);
    }

    public String callId() {
        return callId;
    }

    public DialogState state() {
        return state;
    }

    /** What an ended dialog no longer needs: the SDPs of its legs (late requests still find every leg). */
    void forgetMedia() {
        caller.forgetMedia();
        callee.forgetMedia();
        if (earlyCallees != null) {
            earlyCallees.values().forEach(Leg::forgetMedia);
        }
    }

    public Leg caller() {
        return caller;
    }

    public Leg callee() {
        return callee;
    }

    public Leg leg(LegRole role) {
        return role == LegRole.CALLER ? caller : callee;
    }

    public long startEpochMs() {
        return startEpochMs;
    }

    public int timeoutS() {
        return timeoutS;
    }

    public long expiresEpochMs() {
        return expiresEpochMs;
    }

    /** True while an INVITE transaction is in progress on the dialog. */
    public boolean inviteInProgress() {
        return invitesInProgress > 0;
    }

    /** A named value: a String or a Long; null when unset. */
    public Object value(String name) {
        return values == null ? null : values.get(name);
    }

    /** A named value as text, or null. */
    public String stringValue(String name) {
        Object v = value(name);
        return v == null ? null : v.toString();
    }

    /** Every named value, in the order they were first set. */
    public Map<String, Object> values() {
        return values == null ? Map.of() : java.util.Collections.unmodifiableMap(values);
    }

    /** Sets (or with null removes) a named value; callers persist through {@link DialogLayer#changed}. */
    void putValue(String name, Object value) {
        if (value != null && !(value instanceof String) && !(value instanceof Long)) {
            throw new IllegalArgumentException("dialog values are String or Long");
        }
        if (value == null) {
            if (values != null) values.remove(name);
            return;
        }
        if (values == null) values = new LinkedHashMap<>(4);
        values.put(name, value);
    }

    /**
     * The leg of {@code role} for a request inside this dialog: while the INVITE may still
     * fork, the callee side is the early dialog named by the request's tags, not the first one.
     */
    Leg legOf(LegRole role, io.callops.sip.SipRequest request) {
        if (role == LegRole.CALLEE && earlyCallees != null) {
            String calleeTag = caller.tag != null && caller.tag.equals(request.fromTag()) ? request.toTag()
                    : request.fromTag();
            Leg early = earlyCallees.get(calleeTag);
            if (early != null) return early;
        }
        return leg(role);
    }

    /** The role of the party that sent a request with these tags, or null if it is not this dialog's. */
    LegRole senderOf(String fromTag, String toTag) {
        if (fromTag == null || toTag == null) return null;
        if (fromTag.equals(caller.tag) && (toTag.equals(callee.tag) || earlyTag(toTag))) return LegRole.CALLER;
        if (toTag.equals(caller.tag) && (fromTag.equals(callee.tag) || earlyTag(fromTag))) return LegRole.CALLEE;
        return null;
    }

    private boolean earlyTag(String tag) {
        return earlyCallees != null && earlyCallees.containsKey(tag);
    }

    @Override
    public String toString() {
        return "dialog " + idText() + " call_id=" + callId + " state=" + state.code();
    }
}
