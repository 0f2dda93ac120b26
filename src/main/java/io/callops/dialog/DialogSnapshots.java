package io.callops.dialog;

import io.callops.dialog.store.DialogRecord;
import io.callops.dialog.store.DialogRecord.LegRecord;
import java.math.BigInteger;

/** Converts between a live dialog and what the store keeps of it. */
final class DialogSnapshots {
    private DialogSnapshots() {
    }

    static DialogRecord of(Dialog d) {
        return new DialogRecord(d.id(), d.callId(), d.state.code(), d.startEpochMs, d.expiresEpochMs, d.timeoutS,
                d.byeOnTimeout, leg(d.caller), leg(d.callee), d.values(), d.initialCseq);
    }

    private static LegRecord leg(Leg l) {
        return new LegRecord(l.header, l.tag, l.contact, l.routeSet, l.flowText(), l.lastCseq,
                l.generatedCseq, l.inviteCseqOriginal, l.inviteCseqGenerated, l.sdpReceived, l.sdpSent,
                text(l.sdpVersionSeen), text(l.sdpVersionShift), l.sdpSeenDigest);
    }

    static Dialog restore(DialogRecord r) {
        Dialog d = new Dialog(r.id(), r.callId(), r.initialCseq(), r.startEpochMs());
        d.state = DialogState.ofCode(r.state());
        d.timeoutS = r.timeoutS();
        d.expiresEpochMs = r.expiresEpochMs();
        d.byeOnTimeout = r.byeOnTimeout();
        restoreLeg(d.caller, r.caller());
        Leg callee = new Leg();
        restoreLeg(callee, r.callee());
        d.callee = callee;
        r.values().forEach(d::putValue);
        return d;
    }

    private static void restoreLeg(Leg l, LegRecord r) {
        l.header = r.header();
        l.tag = r.tag();
        l.contact = r.contact();
        l.routeSet = r.routeSet();
        l.flow = FlowText.parse(r.flow());
        l.lastCseq = r.lastCseq();
        l.generatedCseq = r.generatedCseq();
        l.inviteCseqOriginal = r.inviteCseqOriginal();
        l.inviteCseqGenerated = r.inviteCseqGenerated();
        l.sdpReceived = r.sdpReceived();
        l.sdpSent = r.sdpSent();
        l.sdpVersionSeen = number(r.sdpVersionSeen());
        l.sdpVersionShift = number(r.sdpVersionShift());
        l.sdpSeenDigest = r.sdpSeenDigest();
    }

    private static String text(BigInteger n) {
        return n == null ? null : n.toString();
    }

    private static BigInteger number(String s) {
        return s == null ? null : new BigInteger(s);
    }
}
