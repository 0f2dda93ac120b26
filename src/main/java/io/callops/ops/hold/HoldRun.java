package io.callops.ops.hold;

import io.callops.api.EventSink;
import io.callops.dialog.Dialog;
import io.callops.dialog.DialogLayer;
import io.callops.dialog.DialogState;
import io.callops.dialog.LegRole;
import io.callops.dialog.OutgoingRequest;
import io.callops.dialog.RequestOutcome;
import io.callops.ops.CallopsEvents;
import io.callops.sip.SipMethod;
import io.callops.sip.sdp.SessionDescription;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One hold or unhold of a dialog, leg after leg: each leg's re-INVITE starts once the one
 * before it is answered, so a hold that fails on the second leg can take the first off hold
 * again before anything else happens (decision 8). Every step raises {@code start} and then
 * {@code ok} or {@code fail}; flags are written only when a leg accepted its offer. Runs on
 * the dialog's worker.
 */
final class HoldRun {
    private static final Logger log = LoggerFactory.getLogger(HoldRun.class);

    private final DialogLayer layer;
    private final Dialog dialog;
    private final EventSink events;
    private final HoldHeaders headers;
    private final ArrayDeque<HoldStep> pending;
    /** Hold steps that took effect, in order: what a failure later in the run undoes. */
    private final List<HoldStep> applied = new ArrayList<>(2);
    private boolean undoing;

    HoldRun(DialogLayer layer, Dialog dialog, EventSink events, HoldHeaders headers, List<HoldStep> steps) {
        this.layer = layer;
        this.dialog = dialog;
        this.events = events;
        this.headers = headers;
        this.pending = new ArrayDeque<>(steps);
    }

    void start() {
        next();
    }

    private void next() {
        if (dialog.state() == DialogState.DELETED) pending.clear(); // the call ended: nobody is left to re-INVITE
        HoldStep step = pending.poll();
        if (step == null) {
            HoldValues.clearInFlight(layer, dialog);
            return;
        }
        HoldValues.markInFlight(layer, dialog, step.action(), step.leg());
        SessionDescription offer;
        try {
            offer = offerFor(step);
        } catch (HoldOffers.NoUsableSdp e) {
            // The SDP was usable when the command was checked; a phone's own re-INVITE changed it since.
            event(step, "start");
            failed(step, e.getMessage());
            return;
        }
        if (offer == null) {
            log.debug("call_id={} {} of the {}: every stream already has its direction", dialog.callId(),
                    step.action().text(), step.leg().text());
            took(step);
            next();
            return;
        }
        event(step, "start");
        layer.requests().send(dialog, new OutgoingRequest(step.leg(), SipMethod.INVITE, offer.toBytes(),
                "application/sdp", headers.forLeg(step.leg()), outcome -> answered(step, outcome)));
    }

    /** Builds the leg's offer; the first hold of a leg remembers what it was sent before. */
    private SessionDescription offerFor(HoldStep step) {
        LegRole leg = step.leg();
        String baseText = HoldOffers.baseOf(dialog, leg);
        SessionDescription base = HoldOffers.usable(baseText, leg);
        SessionDescription before = base;
        if (step.from() == 0) {
            HoldValues.setSdpBeforeHold(layer, dialog, leg, baseText);
        } else {
            String stored = HoldValues.sdpBeforeHold(dialog, leg);
            if (stored != null) before = HoldOffers.usable(stored, leg);
        }
        return HoldOffers.offer(base, before, step.to());
    }

    private void answered(HoldStep step, RequestOutcome outcome) {
        if (outcome.success()) {
            took(step);
            event(step, "ok");
            next();
        } else {
            failed(step, outcome.statusLine());
        }
    }

    /** The leg accepted (or needed no offer): its flags are now the step's. */
    private void took(HoldStep step) {
        HoldValues.setFlags(layer, dialog, step.leg(), step.to());
        if (step.to() == 0) HoldValues.setSdpBeforeHold(layer, dialog, step.leg(), null);
        if (step.action() == HoldAction.HOLD) applied.add(step);
    }

    private void failed(HoldStep step, String why) {
        log.info("call_id={} {} of the {} failed: {}", dialog.callId(), step.action().text(), step.leg().text(), why);
        event(step, "fail");
        if (HoldValues.flags(dialog, step.leg()) == 0) HoldValues.setSdpBeforeHold(layer, dialog, step.leg(), null);
        pending.clear();
        if (step.action() == HoldAction.HOLD && !undoing) {
            undoing = true;
            for (int i = applied.size() - 1; i >= 0; i--) {
                pending.add(applied.get(i).undo());
            }
        }
        next();
    }

    private void event(HoldStep step, String state) {
        CallopsEvents.hold(events, dialog.callId(), step.leg().text(), step.action().text(), state);
    }
}
