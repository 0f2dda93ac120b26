package io.callops.ops.hold;

import io.callops.dialog.Dialog;
import io.callops.dialog.DialogLayer;
import io.callops.dialog.LegRole;

/**
 * Where hold state lives (decision 9): named values of the dialog, so it is persisted and
 * recovered with it. The flag values keep the reference's names and meaning.
 */
final class HoldValues {
    /** Prefix of the per-leg flag values: {@code call_hold_caller}, {@code call_hold_callee}. */
    private static final String FLAGS = "call_hold_";
    /** Suffix of the per-leg SDP sent towards the leg before it was first held. */
    private static final String BEFORE_HOLD = "_sdp";
    /** {@code <action> <leg>} of the re-INVITE in flight; absent when no operation runs. */
    static final String IN_FLIGHT = "call_hold_pending";

    private HoldValues() {
    }

    /** The leg's hold flags; the reference's older string form ({@code hold}) counts as fully held. */
    static int flags(Dialog d, LegRole leg) {
        Object v = d.value(FLAGS + leg.text());
        if (v instanceof Long n) return n.intValue() & HoldFlags.BOTH;
        return v instanceof String s && !s.isEmpty() ? HoldFlags.BOTH : 0;
    }

    /** Written when the leg accepted its new directions; 0 after a full unhold, as the reference leaves it. */
    static void setFlags(DialogLayer layer, Dialog d, LegRole leg, int flags) {
        layer.setValue(d, FLAGS + leg.text(), (long) flags);
    }

    static String sdpBeforeHold(Dialog d, LegRole leg) {
        return d.stringValue(FLAGS + leg.text() + BEFORE_HOLD);
    }

    /** Null removes it: a leg that is not on hold keeps no SDP from before. */
    static void setSdpBeforeHold(DialogLayer layer, Dialog d, LegRole leg, String sdp) {
        layer.setValue(d, FLAGS + leg.text() + BEFORE_HOLD, sdp);
    }

    static boolean inFlight(Dialog d) {
        return d.value(IN_FLIGHT) != null;
    }

    static void markInFlight(DialogLayer layer, Dialog d, HoldAction action, LegRole leg) {
        layer.setValue(d, IN_FLIGHT, action.text() + " " + leg.text());
    }

    /** The re-INVITE in flight, or null when none is (or the mark cannot be read). */
    static Pending pending(Dialog d) {
        String v = d.stringValue(IN_FLIGHT);
        if (v == null) return null;
        int space = v.indexOf(' ');
        if (space < 0) return null;
        HoldAction action = HoldAction.parse(v.substring(0, space));
        LegRole leg = LegRole.parse(v.substring(space + 1));
        return action == null || leg == null ? null : new Pending(action, leg);
    }

    static void clearInFlight(DialogLayer layer, Dialog d) {
        layer.setValue(d, IN_FLIGHT, null);
    }

    /** What the in-flight mark says: which re-INVITE was on its way. */
    record Pending(HoldAction action, LegRole leg) {
    }
}
