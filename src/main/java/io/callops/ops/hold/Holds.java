package io.callops.ops.hold;

import io.callops.api.EventSink;
import io.callops.api.MiError;
import io.callops.dialog.Dialog;
import io.callops.dialog.DialogLayer;
import io.callops.dialog.DialogState;
import io.callops.dialog.Dialogs;
import io.callops.dialog.LegRole;
import io.callops.ops.CallopsEvents;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hold and unhold of calls from the proxy: the checks of the reference (§4.2, §4.6), the plan
 * of which legs change, and the restart rule of decision 9 (an operation whose re-INVITE was
 * in flight when the proxy stopped ends with {@code fail}).
 */
public final class Holds implements DialogLayer.RecoveryListener {
    private static final Logger log = LoggerFactory.getLogger(Holds.class);
    /** Hold takes the caller first; unhold gives the callee back first. */
    private static final List<LegRole> HOLD_ORDER = List.of(LegRole.CALLER, LegRole.CALLEE);
    private static final List<LegRole> UNHOLD_ORDER = List.of(LegRole.CALLEE, LegRole.CALLER);

    private final Dialogs dialogs;
    private final EventSink events;

    public Holds(Dialogs dialogs, EventSink events) {
        this.dialogs = dialogs;
        this.events = events;
    }

    /**
     * Checks and starts an operation on the call's worker; returns once the first re-INVITE
     * is on its way (events tell how it ends).
     *
     * @throws MiError 404, 410, 491, 480 or -32000 as the reference answers them
     */
    void start(DialogLayer layer, String callId, HoldAction action, HoldScope scope, HoldHeaders headers) {
        Dialog d = layer.liveDialog(callId);
        if (d == null) throw new MiError(404, "Dialog not found");
        if (d.state() != DialogState.CONFIRMED) throw new MiError(410, "Dialog not ready");
        if (HoldValues.inFlight(d)) {
            log.info("call_id={} has a hold or unhold in flight", callId);
            throw new MiError(491, "Request Pending");
        }
        List<HoldStep> steps = plan(d, action, scope);
        if (steps.isEmpty()) {
            throw new MiError(480, action == HoldAction.HOLD ? "Both dialog legs are on hold" : "No dialog legs on hold");
        }
        for (HoldStep step : steps) {
            try {
                HoldOffers.usable(HoldOffers.baseOf(d, step.leg()), step.leg());
            } catch (HoldOffers.NoUsableSdp e) {
                throw new MiError(-32000, "Server error", e.getMessage());
            }
        }
        log.info("call_id={} {} ({})", callId, action.text(), steps);
        new HoldRun(layer, d, events, headers, steps).start();
    }

    /** The legs whose flags change: hold adds the scope's flags, unhold takes them away. */
    private static List<HoldStep> plan(Dialog d, HoldAction action, HoldScope scope) {
        List<HoldStep> steps = new ArrayList<>(2);
        for (LegRole leg : action == HoldAction.HOLD ? HOLD_ORDER : UNHOLD_ORDER) {
            int from = HoldValues.flags(d, leg);
            int to = action == HoldAction.HOLD ? from | scope.flags(leg) : from & ~scope.flags(leg);
            if (to != from) steps.add(new HoldStep(leg, action, from, to));
        }
        return steps;
    }

    /** Decision 9: the re-INVITE's answer died with the old process, so the step fails now. */
    @Override
    public void onRecovered(Dialog dialog) {
        if (!HoldValues.inFlight(dialog)) return;
        HoldValues.Pending p = HoldValues.pending(dialog);
        DialogLayer layer = dialogs.layerFor(dialog.callId());
        HoldValues.clearInFlight(layer, dialog);
        if (p == null) return;
        log.info("call_id={} {} of the {} was in flight at the restart; it fails", dialog.callId(),
                p.action().text(), p.leg().text());
        if (HoldValues.flags(dialog, p.leg()) == 0) HoldValues.setSdpBeforeHold(layer, dialog, p.leg(), null);
        CallopsEvents.hold(events, dialog.callId(), p.leg().text(), p.action().text(), "fail");
    }
}
