package io.callops.ops.transfer;

import io.callops.api.CommandRegistry;
import io.callops.api.MiCommand;
import io.callops.api.MiError;
import io.callops.api.MiParams;
import io.callops.dialog.Dialog;
import io.callops.dialog.Dialogs;
import io.callops.dialog.LegRole;
import io.callops.sip.uri.Uri;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code call_transfer} (and {@code callops:transfer}) with the reference's parameter sets
 * (§5.1): blind, attended with the second call's leg, and attended to a dialog we do not
 * proxy (by its tags). Answers {@code Accepted} once the REFER is on its way.
 */
public final class TransferCommands {
    private static final List<List<String>> SETS = List.of(
            List.of("callid", "leg", "destination"),
            List.of("callid", "leg", "transfer_callid", "transfer_leg"),
            List.of("callid", "leg", "transfer_callid", "transfer_leg", "destination"),
            List.of("callid", "leg", "transfer_callid", "transfer_fromtag", "transfer_totag", "destination"),
            List.of("callid", "leg", "transfer_callid", "transfer_fromtag", "transfer_totag", "transfer_destination"));

    private TransferCommands() {
    }

    public static void register(CommandRegistry registry, Dialogs dialogs, Transfers transfers) {
        registry.register(new MiCommand("call_transfer", List.of("callops:transfer"),
                "transfer a call (blind or attended) with a REFER from the proxy", SETS,
                p -> transfer(dialogs, transfers, p)));
    }

    private static CompletableFuture<Object> transfer(Dialogs dialogs, Transfers transfers, MiParams p) {
        String callId = p.string("callid");
        LegRole leg = leg(p, "leg");
        if (!p.has("transfer_callid")) {
            Uri destination = destination(p, "destination");
            return dialogs.onCall(callId, layer -> {
                Dialog a = found(layer.liveDialog(callId), "Dialog not found");
                transfers.startBlind(layer, a, leg, destination);
                return "Accepted";
            });
        }
        String bCallId = p.string("transfer_callid");
        if (p.has("transfer_leg")) {
            LegRole bLeg = leg(p, "transfer_leg");
            Uri destination = p.has("destination") ? destination(p, "destination") : null;
            return attended(dialogs, transfers, callId, leg, bCallId, bLeg, destination).thenApply(v -> "Accepted");
        }
        String name = p.has("destination") ? "destination" : "transfer_destination";
        Uri destination = destination(p, name);
        String fromTag = p.string("transfer_fromtag");
        String toTag = p.string("transfer_totag");
        return dialogs.onCall(callId, layer -> {
            Dialog a = found(layer.liveDialog(callId), "Dialog not found");
            transfers.startAttended(layer, a, leg, bCallId, toTag, fromTag, destination, false);
            return "Accepted";
        });
    }

    /**
     * Attended transfer with both dialogs ours (reference §2.2): the Replaces tags and the
     * default destination come from B; A gets the REFER; B learns that A replaces it.
     */
    static CompletableFuture<Void> attended(Dialogs dialogs, Transfers transfers, String aCallId, LegRole leg,
                                            String bCallId, LegRole bLeg, Uri destination) {
        return dialogs.onCall(bCallId, layer -> {
            Dialog b = found(layer.liveDialog(bCallId), "Transfer dialog not found");
            if (!b.state().confirmed()) throw new MiError(410, "Transfer dialog not ready");
            // RFC 3891: the to-tag is the tag of the B party that stays and receives the new INVITE.
            String toTag = b.leg(bLeg).tag();
            String fromTag = b.leg(bLeg.other()).tag();
            Uri dest = destination != null ? destination : ReferTargets.destination(b.leg(bLeg).uri());
            return new String[] {toTag, fromTag, dest.toString()};
        }).thenCompose(tags -> dialogs.onCall(aCallId, layer -> {
            Dialog a = found(layer.liveDialog(aCallId), "Dialog not found");
            transfers.startAttended(layer, a, leg, bCallId, tags[0], tags[1], ReferTargets.destination(tags[2]), true);
            return null;
        })).thenCompose(v -> dialogs.onCall(bCallId, layer -> {
            Dialog b = layer.liveDialog(bCallId);
            if (b != null) layer.setValue(b, TransferValues.PEER, aCallId);
            return null;
        }));
    }

    private static Dialog found(Dialog d, String message) {
        if (d == null) throw new MiError(404, message);
        return d;
    }

    private static LegRole leg(MiParams p, String name) {
        LegRole role = LegRole.parse(p.string(name));
        if (role == null) {
            throw MiError.invalidParams("Parameter '" + name + "' must be caller or callee");
        }
        return role;
    }

    private static Uri destination(MiParams p, String name) {
        String value = p.string(name);
        try {
            return ReferTargets.destination(value);
        } catch (RuntimeException e) {
            throw MiError.invalidParams("Parameter '" + name + "' is not a SIP, SIPS or TEL URI: " + e.getMessage());
        }
    }
}
