package io.callops.ops.transfer;

import io.callops.dialog.Dialog;
import io.callops.dialog.DialogLayer;
import io.callops.ops.LinkMode;
import io.callops.proxy.RequestContext;
import io.callops.sip.SipRequest;
import io.callops.sip.SipResponse;
import io.callops.sip.header.Replaces;
import io.callops.sip.uri.SipUri;
import io.callops.sip.uri.Uri;
import io.callops.sip.uri.UriEscaping;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links a new call to the transfer it completes (reference §1.4, §1.6, §2.3): by our
 * Request-URI parameter (a verified token or an escaped Call-ID), by {@code Replaces}, or
 * by routing code. The link is found on the transferred dialog's worker and then recorded
 * on the new call, whose final answer ends the transfer.
 */
final class TransferLinks {
    private static final Logger log = LoggerFactory.getLogger(TransferLinks.class);
    /** On a new call whose answer came before its link was known: {@code ok|fail} and the status. */
    private static final String PENDING_ANSWER = "call_transfer_answer";
    /**
     * On a new call while the transfer it may complete is being looked up. Only such a call
     * can have an answer to keep for later; every other call's answer concerns no transfer
     * and leaves no value behind (values are persisted with the dialog).
     */
    private static final String LOOKUP = "call_transfer_lookup";

    private final Transfers transfers;

    TransferLinks(Transfers transfers) {
        this.transfers = transfers;
    }

    /** A new dialog was created for an INVITE: find what it transfers, if anything. */
    void onNewCall(DialogLayer layer, Dialog call, RequestContext ctx) {
        SipRequest invite = ctx.request();
        String linkValue = removeOurParameter(invite);
        String requestUri = invite.requestUri();
        String replacesText = invite.header("Replaces");
        if (replacesText != null) {
            Replaces r;
            try {
                r = Replaces.parse(replacesText);
            } catch (RuntimeException e) {
                log.info("new call call_id={} has an unreadable Replaces: {}", call.callId(), e.getMessage());
                r = null;
            }
            if (r != null) {
                linkReplaces(layer, call, r, requestUri);
                return;
            }
        }
        if (linkValue == null || transfers.settings().mode() == LinkMode.MANUAL) return;
        if (transfers.settings().mode() == LinkMode.PARAM) {
            long id = transfers.tokens().verify(linkValue);
            if (id == -1) {
                transfers.stats().forgedLinks.increment();
                log.warn("new call call_id={} carries a {} that does not verify; not linked", call.callId(),
                        transfers.settings().matchParam());
                return;
            }
            String newCallId = call.callId();
            layer.setValue(call, LOOKUP, "param");
            transfers.dialogs().onEach(other -> {
                Dialog a = other.byId(id);
                return a == null ? List.<String>of() : List.of(linkBlind(other, a, newCallId, requestUri, null, false));
            }).thenAccept(found -> recordLink(layer, call, found.isEmpty() ? null : found.get(0)));
        } else {
            String aCallId = UriEscaping.unescape(linkValue);
            linkByCallId(layer, call, aCallId, requestUri, null, false);
        }
    }

    /** Routing code names the dialog this new call transfers ({@code call_blind_replace}). */
    void blindReplace(DialogLayer layer, Dialog call, String aCallId, String leg, String requestUri) {
        linkByCallId(layer, call, aCallId, requestUri, leg, true);
    }

    private void linkByCallId(DialogLayer layer, Dialog call, String aCallId, String requestUri, String leg,
                              boolean manual) {
        layer.setValue(call, LOOKUP, manual ? "manual" : "call_id");
        String newCallId = call.callId();
        transfers.dialogs().onCall(aCallId, other -> {
            Dialog a = manual ? other.latestDialog(aCallId) : other.liveDialog(aCallId);
            return a == null ? "" : linkBlind(other, a, newCallId, requestUri, leg, manual);
        }).thenAccept(target -> recordLink(layer, call, target));
    }

    /**
     * On A's worker: A's transfer learns its new call. Returns A's Call-ID when linked, ""
     * when A has nothing waiting for this call (a stale or replayed link).
     */
    private String linkBlind(DialogLayer layer, Dialog a, String newCallId, String requestUri, String leg,
                             boolean manual) {
        boolean ourRefer = TransferValues.REFER_SENT.equals(a.stringValue(TransferValues.STATE));
        if (!ourRefer && !manual) {
            transfers.stats().staleLinks.increment();
            log.info("new call call_id={} names call_id={}, which has no transfer waiting; not linked", newCallId,
                    a.callId());
            return "";
        }
        if (leg != null) layer.setValue(a, TransferValues.LEG, leg);
        if (a.value(TransferValues.LEG) == null) layer.setValue(a, TransferValues.LEG, "unknown");
        layer.setValue(a, TransferValues.CALLID, newCallId);
        layer.setValue(a, TransferValues.DESTINATION, requestUri);
        layer.setValue(a, TransferValues.STATE, TransferValues.LINKED);
        transfers.stats().linked.increment();
        if (!ourRefer) {
            // No REFER of ours announced this transfer: it starts now (decision 2).
            transfers.event(a, TransferValues.leg(a), newCallId, requestUri, "start", "");
        }
        return a.callId();
    }

    /** Attended transfer: B is the dialog named by Replaces; A (if ours) hears through B's link. */
    private void linkReplaces(DialogLayer layer, Dialog call, Replaces r, String requestUri) {
        layer.setValue(call, LOOKUP, "replaces");
        String newCallId = call.callId();
        transfers.dialogs().onCall(r.callId(), other -> {
            Dialog b = other.liveDialog(r.callId());
            if (b == null) return "";
            String stays = stayingParticipant(b, r);
            if (stays == null) {
                log.warn("Replaces of call_id={} does not match the tags of call_id={}; not linked", newCallId, b.callId());
                return "";
            }
            other.setValue(b, TransferValues.LEG, stays);
            other.setValue(b, TransferValues.CALLID, newCallId);
            other.setValue(b, TransferValues.DESTINATION, requestUri);
            other.setValue(b, TransferValues.STATE, TransferValues.LINKED);
            transfers.event(b, stays, newCallId, requestUri, "start", "");
            String peer = b.stringValue(TransferValues.PEER);
            if (peer != null) {
                transfers.dialogs().onCall(peer, aLayer -> {
                    Dialog a = aLayer.liveDialog(peer);
                    if (a != null && TransferValues.REFER_SENT.equals(a.stringValue(TransferValues.STATE))) {
                        aLayer.setValue(a, TransferValues.CALLID, newCallId);
                        aLayer.setValue(a, TransferValues.DESTINATION, requestUri);
                        aLayer.setValue(a, TransferValues.STATE, TransferValues.LINKED);
                        transfers.stats().linked.increment();
                    }
                    return null;
                });
            }
            return b.callId();
        }).thenCompose(target -> target.isEmpty() ? findByReplaces(r.callId(), newCallId, requestUri)
                : java.util.concurrent.CompletableFuture.completedFuture(target))
                .thenAccept(target -> recordLink(layer, call, target));
    }

    /** A dialog we sent a REFER with this Replaces to, when the replaced dialog is not one of ours. */
    private java.util.concurrent.CompletableFuture<String> findByReplaces(String replacedCallId, String newCallId,
                                                                         String requestUri) {
        return transfers.dialogs().onEach(other -> {
            for (Dialog a : other.all()) {
                if (replacedCallId.equals(a.stringValue(TransferValues.REPLACES))
                        && TransferValues.REFER_SENT.equals(a.stringValue(TransferValues.STATE))) {
                    return List.of(linkBlind(other, a, newCallId, requestUri, null, false));
                }
            }
            return List.<String>of();
        }).thenApply(found -> found.isEmpty() ? "" : found.get(0));
    }

    /** RFC 3891 §3: the to-tag of Replaces is the tag of the party that receives the new INVITE. */
    private static String stayingParticipant(Dialog b, Replaces r) {
        if (r.toTag().equals(b.callee().tag()) && r.fromTag().equals(b.caller().tag())) return "callee";
        if (r.toTag().equals(b.caller().tag()) && r.fromTag().equals(b.callee().tag())) return "caller";
        return null;
    }

    /** Back on the new call's worker: where its answer goes; an answer that came first is delivered now. */
    private void recordLink(DialogLayer layer, Dialog call, String target) {
        layer.worker().execute(() -> {
            layer.setValue(call, LOOKUP, null);
            if (target == null || target.isEmpty()) {
                if (call.value(PENDING_ANSWER) != null) {
                    layer.setValue(call, PENDING_ANSWER, null); // linked to nothing: the answer ends no transfer
                }
                return;
            }
            layer.setValue(call, TransferValues.LINK, target);
            String pending = call.stringValue(PENDING_ANSWER);
            if (pending != null) {
                layer.setValue(call, PENDING_ANSWER, null);
                deliver(call.callId(), target, pending.startsWith("ok"), pending.substring(pending.indexOf(' ') + 1));
            }
        });
    }

    /** The new call's final answer went to the transferee: the transfer it belongs to ends. */
    void onAnswer(DialogLayer layer, Dialog call, SipResponse response) {
        boolean ok = response.statusCode() >= 200 && response.statusCode() < 300;
        String status = response.statusCode() + " " + response.reasonPhrase();
        String target = call.stringValue(TransferValues.LINK);
        if (target == null) {
            if (call.value(LOOKUP) != null) {
                layer.setValue(call, PENDING_ANSWER, (ok ? "ok " : "fail ") + status);
            }
            return;
        }
        deliver(call.callId(), target, ok, status);
    }

    private void deliver(String newCallId, String target, boolean ok, String status) {
        transfers.dialogs().onCall(target, other -> {
            Dialog d = other.latestDialog(target);
            if (d != null) transfers.finishOn(other, d, newCallId, ok, status);
            return null;
        });
    }

    /**
     * Takes our linking parameter out of the Request-URI before the INVITE is relayed
     * (always, also when it does not verify: the callee has no use for it). Returns its value.
     */
    private String removeOurParameter(SipRequest invite) {
        String name = transfers.settings().matchParam();
        Uri uri;
        try {
            uri = invite.parsedRequestUri();
        } catch (RuntimeException e) {
            return null;
        }
        if (uri instanceof SipUri su) {
            String v = su.param(name);
            if (v == null) return null;
            invite.setRequestUri(su.withoutParam(name).toString());
            return v.isEmpty() ? null : v;
        }
        String text = invite.requestUri();
        String marker = ";" + name + "=";
        int at = text.indexOf(marker);
        if (at < 0) return null;
        int end = text.indexOf(';', at + marker.length());
        String v = text.substring(at + marker.length(), end < 0 ? text.length() : end);
        invite.setRequestUri(text.substring(0, at) + (end < 0 ? "" : text.substring(end)));
        return v.isEmpty() ? null : v;
    }
}
