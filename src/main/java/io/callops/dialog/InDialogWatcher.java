package io.callops.dialog;

import io.callops.proxy.RelayWatcher;
import io.callops.sip.HeaderName;
import io.callops.sip.SipMethod;
import io.callops.sip.SipRequest;
import io.callops.sip.SipResponse;
import io.callops.transport.Flow;

/**
 * Follows one request relayed inside a dialog: renumbers its CSeq towards the other party
 * (R6), applies target refreshes (RFC 3261 §12.2), keeps the SDPs of offer and answer (R8)
 * and keeps their {@code o=} versions rising for a leg that saw an SDP of ours
 * ({@link SdpVersions}).
 */
final class InDialogWatcher implements RelayWatcher {
    private final DialogLayer layer;
    private final Dialog dialog;
    private final Leg sender;
    private final Leg receiver;
    private final boolean invite;
    private final boolean refresh;
    private final String offer;
    private long number = -1;
    private boolean ended;

    InDialogWatcher(DialogLayer layer, Dialog dialog, LegRole from, SipRequest request) {
        this.layer = layer;
        this.dialog = dialog;
        this.sender = dialog.legOf(from, request);
        this.receiver = dialog.legOf(from.other(), request);
        this.invite = request.isMethod(SipMethod.INVITE);
        this.refresh = invite || request.isMethod(SipMethod.UPDATE);
        this.offer = refresh ? SdpBodies.of(request) : null;
        if (invite) dialog.invitesInProgress++;
        if (refresh) {
            String contact = ContactUris.first(request);
            if (contact != null) sender.contact = contact;
        }
    }

    /** Called once per copy; a copy sent again (serial forking) keeps the number it got first. */
    @Override
    public void beforeSend(SipRequest out) {
        if (number < 0) {
            number = CseqNumbering.forRelayed(receiver, out.cseqNumber(), invite);
            if (refresh && offer != null) {
                sender.pendingSdpReceived = offer;
                receiver.pendingSdpSent = offer;
            }
        }
        if (number != out.cseqNumber()) {
            out.setHeader(HeaderName.CSEQ, number + " " + out.cseqMethod());
        }
        SdpVersions.relay(receiver, out);
    }

    /** The answer (or a late offer) goes back to the sender, which may have seen our own SDP versions. */
    @Override
    public void beforeUpstream(SipResponse up) {
        SdpVersions.relay(sender, up);
    }

    /** Only an INVITE has 2xx retransmissions, and their SDP versions must match the first copy's. */
    @Override
    public boolean rewritesRetransmitted2xx() {
        return invite;
    }

    @Override
    public void onBranchResponse(SipRequest sent, SipResponse response, Flow from) {
        int code = response.statusCode();
        if (!refresh || code < 200 || code >= 300) return;
        String contact = ContactUris.first(response);
        if (contact != null) receiver.contact = contact;
        String sdp = SdpBodies.of(response);
        if (offer != null) {
            sender.sdpReceived = offer;
            receiver.sdpSent = offer;
            if (sdp != null) {
                receiver.sdpReceived = sdp;
                sender.sdpSent = sdp;
            }
        } else if (sdp != null) {
            // An offer in the 2xx to an INVITE without one; the answer comes in the ACK.
            receiver.sdpReceived = sdp;
            sender.sdpSent = sdp;
        }
        sender.pendingSdpReceived = null;
        receiver.pendingSdpSent = null;
    }

    @Override
    public void onFinalSent(SipResponse response) {
        if (ended) return;
        ended = true;
        layer.changed(dialog);
        if (invite) {
            dialog.invitesInProgress = Math.max(0, dialog.invitesInProgress - 1);
            layer.requests().releaseWaiting(dialog);
        }
    }
}
