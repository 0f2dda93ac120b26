package io.callops.dialog;

import io.callops.proxy.RelayControl;
import io.callops.proxy.RelayWatcher;
import io.callops.sip.HeaderName;
import io.callops.sip.SipRequest;
import io.callops.sip.SipResponse;
import io.callops.transport.Flow;
import java.util.HashMap;

/**
 * Follows the initial INVITE of a dialog: early dialogs per callee tag, the 2xx that
 * confirms it (callee, its Contact, route set and flow, the SDPs exchanged), and the
 * failure that ends it.
 */
final class InitialInviteWatcher implements RelayWatcher {
    private final DialogLayer layer;
    private final Dialog dialog;

    InitialInviteWatcher(DialogLayer layer, Dialog dialog) {
        this.layer = layer;
        this.dialog = dialog;
    }

    @Override
    public void attached(RelayControl control) {
        dialog.initialInvite = control;
    }

    @Override
    public void beforeSend(SipRequest out) {
        if (dialog.callee.pendingSdpSent == null) {
            dialog.callee.pendingSdpSent = dialog.caller.pendingSdpReceived;
        }
    }

    @Override
    public void onBranchResponse(SipRequest sent, SipResponse response, Flow from) {
        int code = response.statusCode();
        String tag = response.toTag();
        if (code >= 300 || tag == null || dialog.state == DialogState.DELETED) return;
        if (code < 200) {
            if (dialog.state.confirmed()) return;
            if (dialog.earlyCallees == null) dialog.earlyCallees = new HashMap<>(2);
            Leg early = dialog.earlyCallees.computeIfAbsent(tag, t -> newCallee(t));
            if (early.header == null) {
                // Only what identifies the early dialog: its contact and route set matter once it is confirmed.
                early.header = response.header(HeaderName.TO);
                early.flow = from;
            }
            if (dialog.state == DialogState.UNCONFIRMED) {
                dialog.callee = early; // the first early dialog stands for the call until one is confirmed
                layer.setState(dialog, DialogState.EARLY);
            }
            return;
        }
        if (dialog.state.confirmed()) return; // a 2xx of another fork: the caller will end that one itself
        Leg callee = dialog.earlyCallees != null && dialog.earlyCallees.containsKey(tag)
                ? dialog.earlyCallees.get(tag) : newCallee(tag);
        fillCallee(callee, response, from);
        dialog.callee = callee;
        dialog.earlyCallees = null;
        // RFC 3264: the INVITE's offer and this 2xx's answer are now the current SDPs.
        Leg caller = dialog.caller;
        caller.sdpReceived = caller.pendingSdpReceived;
        callee.sdpSent = caller.pendingSdpReceived;
        caller.pendingSdpReceived = null;
        callee.pendingSdpSent = null;
        String answer = SdpBodies.of(response);
        if (answer != null) {
            callee.sdpReceived = answer;
            caller.sdpSent = answer;
        }
        dialog.invitesInProgress = 0;
        dialog.initialInvite = null;
        layer.setState(dialog, DialogState.CONFIRMED_NOT_ACKED);
    }

    private Leg newCallee(String tag) {
        Leg l = new Leg();
        l.tag = tag;
        l.lastCseq = dialog.initialCseq;
        return l;
    }

    /** The callee's side, from a response with its tag: header, Contact, route set (RFC 3261 §12.1.2 seen from the middle). */
    private void fillCallee(Leg callee, SipResponse response, Flow from) {
        callee.header = response.header(HeaderName.TO);
        String contact = ContactUris.first(response);
        if (contact != null) callee.contact = contact;
        callee.routeSet = RouteSets.towardsCallee(response.headerValues(HeaderName.RECORD_ROUTE),
                layer.services().addresses());
        callee.flow = from;
    }

    @Override
    public void onFinalSent(SipResponse response) {
        int code = response.statusCode();
        for (DialogListener l : layerListeners()) {
            l.onInitialAnswer(dialog, response);
        }
        if (code >= 300 && !dialog.state.confirmed()) {
            if (dialog.state != DialogState.DELETED) layer.stats().failed.increment();
            dialog.invitesInProgress = 0;
            layer.setState(dialog, DialogState.DELETED);
        }
    }

    /** The 2xx goes upstream as it came: nothing to do for its retransmissions. */
    @Override
    public boolean rewritesRetransmitted2xx() {
        return false;
    }

    private java.util.List<DialogListener> layerListeners() {
        return layer.listeners();
    }
}
