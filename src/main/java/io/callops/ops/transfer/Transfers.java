package io.callops.ops.transfer;

import io.callops.api.EventSink;
import io.callops.api.MiError;
import io.callops.dialog.Dialog;
import io.callops.dialog.DialogLayer;
import io.callops.dialog.DialogState;
import io.callops.dialog.Dialogs;
import io.callops.dialog.LegRole;
import io.callops.dialog.OutgoingRequest;
import io.callops.dialog.RequestOutcome;
import io.callops.ops.CallopsEvents;
import io.callops.sip.SipMethod;
import io.callops.sip.uri.Uri;
import io.callops.txn.TimerHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transfers from start to end, on the dialog they transfer (A) and, for attended
 * transfers, the dialog being replaced (B): the REFER, the events, the new call's outcome,
 * the overall timeout and the cleanup of A. Every method runs on the worker of the dialog
 * it names; work for another dialog is posted to that dialog's worker.
 */
public final class Transfers {
    private static final Logger log = LoggerFactory.getLogger(Transfers.class);

    private final Dialogs dialogs;
    private final TransferSettings settings;
    private final LinkTokens tokens;
    private final EventSink events;
    private final TransferStats stats;
    /** Overall timeout of each transfer in progress, by dialog id (touched on that dialog's worker only). */
    private final Map<Long, TimerHandle> timeouts = new ConcurrentHashMap<>();

    public Transfers(Dialogs dialogs, TransferSettings settings, LinkTokens tokens, EventSink events,
                     TransferStats stats) {
        this.dialogs = dialogs;
        this.settings = settings;
        this.tokens = tokens;
        this.events = events;
        this.stats = stats;
    }

    TransferSettings settings() {
        return settings;
    }

    LinkTokens tokens() {
        return tokens;
    }

    Dialogs dialogs() {
        return dialogs;
    }

    TransferStats stats() {
        return stats;
    }

    // ------------------------------------------------------------------ starting

    /**
     * Blind transfer (reference §1): REFER to {@code leg} of A, impersonating the other
     * party, with the destination carrying the link of the configured mode.
     */
    public void startBlind(DialogLayer layer, Dialog a, LegRole leg, Uri destination) {
        checkCanStart(a);
        String referTo = switch (settings.mode()) {
            case PARAM -> ReferTargets.withParam(destination, settings.matchParam(), tokens.issue(a.id()));
            case CALLID -> ReferTargets.withParam(destination, settings.matchParam(), a.callId());
            case MANUAL -> destination.toString();
        };
        begin(layer, a, leg, destination.toString(), referTo);
    }

    /**
     * Attended transfer (reference §2.2): REFER to {@code leg} of A with a {@code Replaces}
     * naming B's dialog as seen by the B participant that stays.
     */
    public void startAttended(DialogLayer layer, Dialog a, LegRole leg, String bCallId, String toTag, String fromTag,
                              Uri destination, boolean bIsOurs) {
        checkCanStart(a);
        String referTo = ReferTargets.withReplaces(destination, bCallId, toTag, fromTag);
        if (!bIsOurs) {
            layer.setValue(a, TransferValues.REPLACES, bCallId);
        }
        begin(layer, a, leg, destination.toString(), referTo);
    }

    private static void checkCanStart(Dialog a) {
        if (!a.state().confirmed()) {
            throw new MiError(410, "Dialog not ready");
        }
        if (TransferValues.inProgress(a)) {
            log.info("call_id={} is already transferring its {}", a.callId(), TransferValues.leg(a));
            throw new MiError(491, "Request Pending");
        }
    }

    private void begin(DialogLayer layer, Dialog a, LegRole leg, String destination, String referTo) {
        layer.setValue(a, TransferValues.LEG, leg.text());
        layer.setValue(a, TransferValues.STATE, TransferValues.REFER_SENT);
        layer.setValue(a, TransferValues.DESTINATION, destination);
        layer.setValue(a, TransferValues.CALLID, null);
        layer.setValue(a, TransferValues.SUBSCRIPTION, leg.text());
        stats.started.increment();
        // Decision: start is raised when the REFER goes out, as the module documentation says.
        event(a, leg.text(), "", destination, "start", "");
        armTimeout(layer, a);
        List<String[]> headers = new ArrayList<>(3);
        headers.add(new String[] {"Refer-To", "<" + referTo + ">"});
        String referredBy = referredBy(a, leg);
        if (referredBy != null) headers.add(new String[] {"Referred-By", "<" + referredBy + ">"});
        if (!settings.referSub()) headers.add(new String[] {"Refer-Sub", "false"});
        log.info("transfer of the {} of call_id={} to {}", leg.text(), a.callId(), destination);
        layer.requests().send(a, new OutgoingRequest(leg, SipMethod.REFER, null, null, headers,
                outcome -> onReferOutcome(layer, a, outcome)));
    }

    private String referredBy(Dialog a, LegRole leg) {
        return switch (settings.referredBy()) {
            case "off" -> null;
            case "impersonated" -> a.leg(leg.other()).uri();
            default -> settings.referredBy();
        };
    }

    /** A REFER answered with an error or never answered ends the transfer with {@code fail} (decision 2). */
    private void onReferOutcome(DialogLayer layer, Dialog a, RequestOutcome outcome) {
        if (outcome.success() || !TransferValues.REFER_SENT.equals(a.stringValue(TransferValues.STATE))) return;
        String status = outcome.response() != null || outcome.status() == 408 ? outcome.statusLine() : "";
        log.info("REFER for call_id={} ended {}", a.callId(), outcome.statusLine());
        layer.setValue(a, TransferValues.SUBSCRIPTION, null);
        end(layer, a, false, status);
    }

    private void armTimeout(DialogLayer layer, Dialog a) {
        TimerHandle old = timeouts.put(a.id(), layer.worker().schedule(() -> {
            timeouts.remove(a.id());
            if (TransferValues.inProgress(a)) {
                log.info("transfer of call_id={} timed out", a.callId());
                end(layer, a, false, "408 Request Timeout");
            }
        }, settings.timeoutMs()));
        if (old != null) old.cancel();
    }

    // ------------------------------------------------------------------ ending

    /**
     * The single end of every transfer: exactly one {@code ok} or {@code fail}, the transfer
     * cleared so a new one may start, and on success the old dialog ended (decision 10).
     */
    void end(DialogLayer layer, Dialog a, boolean ok, String status) {
        if (!TransferValues.inProgress(a)) return;
        TimerHandle t = timeouts.remove(a.id());
        if (t != null) t.cancel();
        (ok ? stats.succeeded : stats.failed).increment();
        event(a, TransferValues.leg(a), TransferValues.text(a, TransferValues.CALLID),
                TransferValues.text(a, TransferValues.DESTINATION), ok ? "ok" : "fail", status);
        TransferValues.clear(layer, a);
        if (ok && settings.endTransferredDialog() && a.state() != DialogState.DELETED
                && a.value(TransferValues.PEER) == null) {
            log.info("ending call_id={} after its transfer", a.callId());
            layer.end(a, List.of());
        }
    }

    /** The new call {@code newCallId} got its final answer: the transfer of A (or B) it belongs to ends. */
    void finishOn(DialogLayer layer, Dialog d, String newCallId, boolean ok, String status) {
        if (!newCallId.equals(d.stringValue(TransferValues.CALLID)) || !TransferValues.inProgress(d)) return;
        String peer = d.stringValue(TransferValues.PEER);
        boolean replaced = peer != null; // d is B: it is replaced, A hears next
        end(layer, d, ok, status);
        if (replaced) {
            layer.setValue(d, TransferValues.PEER, null);
            dialogs.onCall(peer, other -> {
                Dialog a = other.latestDialog(peer);
                if (a != null) finishOn(other, a, newCallId, ok, status);
                return null;
            });
        }
    }

    void event(Dialog d, String leg, String transferCallId, String destination, String state, String status) {
        CallopsEvents.transfer(events, d.callId(), leg, transferCallId, destination, state, status);
    }

    /** A dialog recovered at start with a transfer in flight: its callbacks died with the old process. */
    void failInFlight(DialogLayer layer, Dialog d) {
        if (TransferValues.inProgress(d)) {
            log.info("transfer of call_id={} was in flight at the restart; it fails", d.callId());
            end(layer, d, false, "");
        }
    }
}
