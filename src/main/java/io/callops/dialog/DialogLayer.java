package io.callops.dialog;

import io.callops.api.EventSink;
import io.callops.dialog.store.DialogStore;
import io.callops.proxy.CallTracker;
import io.callops.proxy.ProxyServices;
import io.callops.proxy.RelayWatcher;
import io.callops.proxy.RequestContext;
import io.callops.sip.HeaderName;
import io.callops.sip.SipMethod;
import io.callops.sip.SipRequest;
import io.callops.transport.Flow;
import io.callops.txn.TransactionLayer;
import io.callops.txn.Worker;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialogs of one worker: created for initial INVITEs, matched for sequential requests,
 * moved through their states, timed out, persisted and announced. Every method runs on the
 * worker, so nothing here is locked.
 */
public final class DialogLayer implements CallTracker {
    private static final Logger log = LoggerFactory.getLogger(DialogLayer.class);

    private final Worker worker;
    private final TransactionLayer transactions;
    private final ProxyServices services;
    private final DialogSettings settings;
    private final DialogStore store;
    private final EventSink events;
    private final Clock clock;
    private final List<DialogListener> listeners;
    private final DialogStats stats;
    private final DialogRequests requests;
    /** Call-ID to its dialog, or to a list when one Call-ID has several (rare). */
    private final Map<String, Object> byCallId = new HashMap<>();
    private final Map<Long, Dialog> byId = new HashMap<>();
    private final long idPrefix;
    private int nextId;

    public DialogLayer(Worker worker, TransactionLayer transactions, ProxyServices services, DialogSettings settings,
                       DialogStore store, EventSink events, Clock clock, List<DialogListener> listeners,
                       DialogStats stats) {
        this.worker = worker;
        this.transactions = transactions;
        this.services = services;
        this.settings = settings;
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.listeners = listeners;
        this.stats = stats;
        this.requests = new DialogRequests(this);
        // The high half differs per worker and per start, so ids never repeat across restarts.
        this.idPrefix = ((long) ThreadLocalRandom.current().nextInt() << 32);
    }

    /** The worker this layer's dialogs live on. */
    public Worker worker() {
        return worker;
    }

    TransactionLayer transactions() {
        return transactions;
    }

    ProxyServices services() {
        return services;
    }

    DialogSettings settings() {
        return settings;
    }

    DialogStats stats() {
        return stats;
    }

    List<DialogListener> listeners() {
        return listeners;
    }

    /** Sends requests of our own into this worker's dialogs. */
    public DialogRequests requests() {
        return requests;
    }

    // ------------------------------------------------------------------ CallTracker

    @Override
    public RelayWatcher createDialog(RequestContext ctx) {
        SipRequest invite = ctx.request();
        long id;
        do {
            id = idPrefix | (++nextId & 0xffffffffL);
        } while (byId.containsKey(id));
        Dialog d = new Dialog(id, invite.callId(), invite.cseqNumber(), clock.millis());
        Leg caller = d.caller;
        caller.header = invite.header(HeaderName.FROM);
        caller.tag = invite.fromTag();
        caller.contact = ContactUris.first(invite);
        caller.routeSet = List.copyOf(invite.headerValues(HeaderName.RECORD_ROUTE));
        caller.flow = ctx.flow();
        caller.lastCseq = invite.cseqNumber();
        caller.pendingSdpReceived = SdpBodies.of(invite);
        d.callee.lastCseq = invite.cseqNumber();
        d.callee.header = invite.header(HeaderName.TO);
        d.timeoutS = settings.timeoutS();
        d.byeOnTimeout = settings.byeOnTimeout();
        d.invitesInProgress = 1;
        index(d);
        stats.created.increment();
        stats.entered(DialogState.UNCONFIRMED);
        armLifetime(d);
        for (DialogListener l : listeners) {
            l.onCreated(d, ctx);
        }
        return new InitialInviteWatcher(this, d);
    }

    @Override
    public RelayWatcher onInDialogRequest(RequestContext ctx) {
        SipRequest r = ctx.request();
        Dialog d = null;
        LegRole from = null;
        for (Dialog candidate : dialogsOf(r.callId())) {
            from = candidate.senderOf(r.fromTag(), r.toTag());
            if (from != null) {
                d = candidate;
                break;
            }
        }
        if (d == null) return null;
        if (settings.refreshOnTraffic() && d.state != DialogState.DELETED) {
            armLifetime(d);
        }
        for (DialogListener l : listeners) {
            l.onInDialogRequest(d, from, ctx);
            if (ctx.decided()) return null;
        }
        if (r.isMethod(SipMethod.BYE)) {
            setState(d, DialogState.DELETED);
        }
        return new InDialogWatcher(this, d, from, r);
    }

    @Override
    public void onAck(SipRequest ack, Flow flow) {
        for (Dialog d : dialogsOf(ack.callId())) {
            LegRole from = d.senderOf(ack.fromTag(), ack.toTag());
            if (from == null) continue;
            Leg target = d.leg(from.other());
            long n = CseqNumbering.forAck(target, ack.cseqNumber());
            if (n != ack.cseqNumber()) {
                ack.setHeader(HeaderName.CSEQ, n + " ACK");
            }
            String sdp = SdpBodies.of(ack);
            if (sdp != null) { // an answer to an offer in the 2xx (RFC 3264 late offer)
                d.leg(from).sdpReceived = sdp;
                target.sdpSent = sdp;
                SdpVersions.relay(target, ack);
            }
            if (d.state == DialogState.CONFIRMED_NOT_ACKED && from == LegRole.CALLER && ack.cseqNumber() == d.initialCseq) {
                setState(d, DialogState.CONFIRMED);
            } else if (sdp != null) {
                changed(d);
            }
            return;
        }
    }

    @Override
    public Object dialogValue(RequestContext ctx, String name) {
        Dialog d = dialogFor(ctx);
        return d == null ? null : d.value(name);
    }

    @Override
    public boolean setDialogValue(RequestContext ctx, String name, Object value) {
        Dialog d = dialogFor(ctx);
        if (d == null) return false;
        setValue(d, name, value instanceof Integer i ? Long.valueOf(i) : value);
        return true;
    }

    @Override
    public boolean setDialogTimeout(RequestContext ctx, int seconds) {
        Dialog d = dialogFor(ctx);
        if (d == null || seconds <= 0 || d.state == DialogState.DELETED) return false;
        setTimeout(d, seconds);
        return true;
    }

    /** The dialog a request in routing belongs to: by its tags, or the one its INVITE created. */
    private Dialog dialogFor(RequestContext ctx) {
        SipRequest r = ctx.request();
        return r.toTag() != null ? dialogOf(r) : liveDialog(r.callId());
    }

    // ------------------------------------------------------------------ lookups

    /** The dialogs of a Call-ID, ended ones included. */
    public List<Dialog> dialogsOf(String callId) {
        Object o = byCallId.get(callId);
        if (o == null) return List.of();
        if (o instanceof Dialog d) return List.of(d);
        @SuppressWarnings("unchecked") List<Dialog> list = (List<Dialog>) o;
        return list;
    }

    /** The dialog of a Call-ID that is not ended, preferring a confirmed one; null if none. */
    public Dialog liveDialog(String callId) {
        Dialog best = null;
        for (Dialog d : dialogsOf(callId)) {
            if (d.state == DialogState.DELETED) continue;
            if (best == null || (d.state.confirmed() && !best.state.confirmed())) best = d;
        }
        return best;
    }

    /** The dialog a request inside a dialog belongs to (by Call-ID and tags), or null. */
    public Dialog dialogOf(SipRequest r) {
        for (Dialog d : dialogsOf(r.callId())) {
            if (d.senderOf(r.fromTag(), r.toTag()) != null) return d;
        }
        return null;
    }

    /** Which party sent a request inside this dialog, or null when its tags do not match. */
    public LegRole senderOf(Dialog d, SipRequest r) {
        return d.senderOf(r.fromTag(), r.toTag());
    }

    /** The live dialog of a Call-ID, or else the last one that ended (kept a while for late requests). */
    public Dialog latestDialog(String callId) {
        Dialog live = liveDialog(callId);
        if (live != null) return live;
        List<Dialog> all = dialogsOf(callId);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    public Dialog byId(long id) {
        return byId.get(id);
    }

    /** Every dialog of this worker. */
    public List<Dialog> all() {
        return new ArrayList<>(byId.values());
    }

    public int size() {
        return byId.size();
    }

    private void index(Dialog d) {
        byId.put(d.id(), d);
        Object o = byCallId.get(d.callId());
        if (o == null) {
            byCallId.put(d.callId(), d);
        } else if (o instanceof Dialog other) {
            List<Dialog> list = new ArrayList<>(2);
            list.add(other);
            list.add(d);
            byCallId.put(d.callId(), list);
        } else {
            @SuppressWarnings("unchecked") List<Dialog> list = (List<Dialog>) o;
            list.add(d);
        }
    }

    private void unindex(Dialog d) {
        if (byId.remove(d.id()) != null) stats.left(d.state);
        Object o = byCallId.get(d.callId());
        if (o == d) {
            byCallId.remove(d.callId());
        } else if (o instanceof List<?> list) {
            list.remove(d);
            if (list.size() == 1) byCallId.put(d.callId(), list.get(0));
        }
    }

    // ------------------------------------------------------------------ state and lifetime

    /** Moves a dialog to a new state: event, listeners, store, and the linger of ended dialogs. */
    void setState(Dialog d, DialogState to) {
        DialogState from = d.state;
        if (from == to || from == DialogState.DELETED) return;
        d.state = to;
        stats.left(from);
        stats.entered(to);
        if (to == DialogState.DELETED) {
            d.lifetimeTimer.cancel();
            d.initialInvite = null;
            stats.ended.increment();
            store.delete(d.id());
            d.lifetimeTimer = worker.schedule(() -> unindex(d), settings.lingerMs());
        } else if (to.confirmed()) {
            changed(d);
        }
        if (log.isDebugEnabled()) { // idText() builds a string: not for every state change of every call
            log.debug("dialog_id={} call_id={} state {} -> {}", d.idText(), d.callId(), from.code(), to.code());
        }
        DialogEvents.stateChanged(events, d, from, to);
        for (DialogListener l : listeners) {
            l.onStateChanged(d, from, to);
        }
        if (to == DialogState.DELETED) {
            d.forgetMedia(); // after the listeners, which may still read the call's last SDPs
        }
    }

    /** Something that matters for routing or operations changed: the store hears of it. */
    void changed(Dialog d) {
        if (d.state.confirmed()) {
            store.save(DialogSnapshots.of(d));
        }
    }

    /** Sets a named value (String or Long, null removes) and persists it. */
    public void setValue(Dialog d, String name, Object value) {
        d.putValue(name, value);
        changed(d);
    }

    /** Overrides a dialog's lifetime from now; an ended dialog has none and is left alone. */
    public void setTimeout(Dialog d, int timeoutS) {
        if (timeoutS <= 0) throw new IllegalArgumentException("timeout must be positive");
        // An ended dialog's one timer is its linger: a lifetime in its place would keep it forever.
        if (d.state == DialogState.DELETED) return;
        d.timeoutS = timeoutS;
        armLifetime(d);
        changed(d);
    }

    private void armLifetime(Dialog d) {
        d.lifetimeTimer.cancel();
        d.expiresEpochMs = clock.millis() + d.timeoutS * 1000L;
        d.lifetimeTimer = worker.schedule(() -> expire(d), d.timeoutS * 1000L);
    }

    /** Re-arms the lifetime of a recovered dialog from its stored expiry. */
    private void armLifetimeUntil(Dialog d, long expiresEpochMs) {
        d.expiresEpochMs = expiresEpochMs;
        d.lifetimeTimer = worker.schedule(() -> expire(d), Math.max(0, expiresEpochMs - clock.millis()));
    }

    private void expire(Dialog d) {
        if (d.state == DialogState.DELETED) return;
        stats.timedOut.increment();
        log.info("dialog_id={} call_id={} timed out in state {}", d.idText(), d.callId(), d.state.code());
        if (d.state.confirmed() && d.byeOnTimeout) {
            requests.byeBothLegs(d, List.of());
        } else if (d.initialInvite != null) {
            d.initialInvite.cancelBranches();
        }
        setState(d, DialogState.DELETED);
    }

    /**
     * Ends a dialog from our side ({@code dlg_end_dlg}): BYE to both legs of a confirmed
     * one, CANCEL of the INVITE of one not answered yet. Returns false when it already ended.
     */
    public boolean end(Dialog d, List<String[]> extraHeaders) {
        if (d.state == DialogState.DELETED) return false;
        if (d.state.confirmed()) {
            requests.byeBothLegs(d, extraHeaders);
            setState(d, DialogState.DELETED);
        } else if (d.initialInvite != null) {
            d.initialInvite.cancelBranches();
        } else {
            setState(d, DialogState.DELETED);
        }
        return true;
    }

    // ------------------------------------------------------------------ recovery

    /** Takes a dialog back from the store at start; ended or expired ones are dropped (and BYEd if due). */
    public void recover(io.callops.dialog.store.DialogRecord record) {
        Dialog d = DialogSnapshots.restore(record);
        if (byId.containsKey(d.id())) return;
        if (!d.state.confirmed()) {
            store.delete(d.id()); // its INVITE transaction died with the old process
            return;
        }
        index(d);
        stats.entered(d.state);
        stats.recovered.increment();
        if (record.expiresEpochMs() <= clock.millis()) {
            expire(d);
            return;
        }
        armLifetimeUntil(d, record.expiresEpochMs());
        for (DialogListener l : listeners) {
            if (l instanceof RecoveryListener rl) rl.onRecovered(d);
        }
    }

    /** Listeners that also want to hear of dialogs taken back from the store at start. */
    public interface RecoveryListener extends DialogListener {
        void onRecovered(Dialog dialog);
    }
}
