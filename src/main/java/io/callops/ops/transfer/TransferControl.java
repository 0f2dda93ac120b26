package io.callops.ops.transfer;

import io.callops.api.MiError;
import io.callops.dialog.Dialog;
import io.callops.dialog.DialogLayer;
import io.callops.dialog.DialogListener;
import io.callops.dialog.Dialogs;
import io.callops.dialog.LegRole;
import io.callops.ops.LinkMode;
import io.callops.proxy.CallControl;
import io.callops.proxy.RequestContext;
import io.callops.sip.SipMethod;
import io.callops.sip.SipResponse;
import io.callops.sip.uri.Uri;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transfers as the rest of the proxy sees them: the dialog listener that links new calls,
 * handles our NOTIFYs and hears answers, and the routing functions of the reference
 * ({@code call_transfer}, {@code call_blind_replace}, {@code call_transfer_notify}).
 */
public final class TransferControl implements DialogListener, DialogLayer.RecoveryListener, CallControl {
    private static final Logger log = LoggerFactory.getLogger(TransferControl.class);

    private final Dialogs dialogs;
    private final Transfers transfers;
    private final TransferLinks links;
    private final ReferNotifies notifies;

    public TransferControl(Dialogs dialogs, Transfers transfers) {
        this.dialogs = dialogs;
        this.transfers = transfers;
        this.links = new TransferLinks(transfers);
        this.notifies = new ReferNotifies(transfers);
    }

    public Transfers transfers() {
        return transfers;
    }

    // ------------------------------------------------------------------ dialog listener

    @Override
    public void onCreated(Dialog dialog, RequestContext invite) {
        links.onNewCall(dialogs.layerFor(dialog.callId()), dialog, invite);
    }

    @Override
    public void onInDialogRequest(Dialog dialog, LegRole from, RequestContext request) {
        if (transfers.settings().mode() == LinkMode.MANUAL) return; // routing code calls callTransferNotify()
        if (ReferNotifies.isReferNotify(request.request()) && ReferNotifies.isOurs(dialog, from)) {
            notifies.handle(dialogs.layerFor(dialog.callId()), dialog, request);
        }
    }

    @Override
    public void onInitialAnswer(Dialog dialog, SipResponse response) {
        links.onAnswer(dialogs.layerFor(dialog.callId()), dialog, response);
    }

    @Override
    public void onRecovered(Dialog dialog) {
        transfers.failInFlight(dialogs.layerFor(dialog.callId()), dialog);
    }

    // ------------------------------------------------------------------ routing functions

    @Override
    public boolean callTransfer(RequestContext request, String leg, String destination) {
        return start(request, leg, () -> {
            Dialog a = currentDialog(request);
            transfers.startBlind(dialogs.layerFor(a.callId()), a, legOf(leg), destinationOf(destination));
        });
    }

    @Override
    public boolean callTransfer(RequestContext request, String leg, String transferCallId, String transferLeg,
                                String destination) {
        // B may live on another worker: the attended transfer continues as the MI one does.
        Dialog a = dialogOrNull(request);
        if (a == null) return false;
        try {
            TransferCommands.attended(dialogs, transfers, a.callId(), legOf(leg), transferCallId, legOf(transferLeg),
                    destination == null ? null : destinationOf(destination))
                    .exceptionally(e -> {
                        log.warn("attended transfer of call_id={} failed: {}", a.callId(), e.getMessage());
                        return null;
                    });
            return true;
        } catch (MiError | IllegalArgumentException e) {
            log.warn("attended transfer of call_id={} refused: {}", a.callId(), e.getMessage());
            return false;
        }
    }

    @Override
    public boolean callBlindReplace(RequestContext request, String callId, String leg) {
        if (!request.isMethod(SipMethod.INVITE) || request.hasToTag()) {
            log.warn("callBlindReplace is for a new INVITE, not {} call_id={}", request.method(),
                    request.request().callId());
            return false;
        }
        request.createDialog();
        DialogLayer layer = dialogs.layerFor(request.request().callId());
        Dialog call = layer.liveDialog(request.request().callId());
        if (call == null) return false;
        links.blindReplace(layer, call, callId, leg, request.request().requestUri());
        return true;
    }

    @Override
    public boolean callTransferNotify(RequestContext request) {
        if (!ReferNotifies.isReferNotify(request.request())) return false;
        Dialog d = dialogOrNull(request);
        if (d == null) return false;
        DialogLayer layer = dialogs.layerFor(d.callId());
        LegRole from = layer.senderOf(d, request.request());
        if (from == null || !ReferNotifies.isOurs(d, from)) return false;
        notifies.handle(layer, d, request);
        return true;
    }

    private boolean start(RequestContext request, String leg, Runnable action) {
        try {
            action.run();
            return true;
        } catch (MiError | IllegalArgumentException e) {
            log.warn("transfer of call_id={} leg {} refused: {}", request.request().callId(), leg, e.getMessage());
            return false;
        }
    }

    /** The dialog of the request being routed; routing functions run in its context (reference §1.1). */
    private Dialog currentDialog(RequestContext request) {
        Dialog d = dialogOrNull(request);
        if (d == null) throw new IllegalArgumentException("no dialog for this request");
        return d;
    }

    private Dialog dialogOrNull(RequestContext request) {
        DialogLayer layer = dialogs.layerFor(request.request().callId());
        Dialog d = request.hasToTag() ? layer.dialogOf(request.request()) : layer.liveDialog(request.request().callId());
        if (d == null) {
            log.warn("call operation on call_id={}: no dialog matched; call it after the dialog is known",
                    request.request().callId());
        }
        return d;
    }

    static LegRole legOf(String leg) {
        LegRole role = LegRole.parse(leg);
        if (role == null) throw new IllegalArgumentException("leg must be caller or callee, not '" + leg + "'");
        return role;
    }

    static Uri destinationOf(String destination) {
        try {
            return ReferTargets.destination(destination);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("destination '" + destination + "' is not a SIP, SIPS or TEL URI");
        }
    }
}
