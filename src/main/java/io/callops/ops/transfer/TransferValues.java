package io.callops.ops.transfer;

import io.callops.dialog.Dialog;
import io.callops.dialog.DialogLayer;

/**
 * Where a transfer's state lives: named values of the dialogs involved, so it is persisted
 * and recovered with them. The names of the reference are kept for the values it has.
 */
final class TransferValues {
    /** On the transferred dialog: the leg being transferred ({@code caller}/{@code callee}); set while in progress. */
    static final String LEG = "call_transfer_leg";
    /** The new call's Call-ID, once it is known. */
    static final String CALLID = "call_transfer_callid";
    /** Where the transfer goes: the REFER's destination, then the new call's Request-URI. */
    static final String DESTINATION = "call_transfer_destination";
    /** {@code refer} (we sent a REFER, no new call yet) or {@code linked}; absent = no transfer in progress. */
    static final String STATE = "call_transfer_state";
    /** The leg whose NOTIFYs (Event: refer) are ours to answer, while the REFER subscription lives. */
    static final String SUBSCRIPTION = "call_transfer_sub";
    /** On the dialog an attended transfer replaces: the Call-ID of the dialog that got our REFER. */
    static final String PEER = "call_transfer_peer";
    /** On the transferred dialog, attended transfer to a dialog we do not proxy: the Call-ID in its Replaces. */
    static final String REPLACES = "call_transfer_replaces";
    /** On a new call: where its outcome goes ({@code id:<dialog id>} or {@code callid:<Call-ID>}). */
    static final String LINK = "call_transfer_link";

    static final String REFER_SENT = "refer";
    static final String LINKED = "linked";

    private TransferValues() {
    }

    static boolean inProgress(Dialog d) {
        return d.value(STATE) != null;
    }

    static String leg(Dialog d) {
        String leg = d.stringValue(LEG);
        return leg == null ? "" : leg;
    }

    static String text(Dialog d, String name) {
        String v = d.stringValue(name);
        return v == null ? "" : v;
    }

    /** Ends the transfer in progress (a new one may start); the NOTIFY subscription may outlive it. */
    static void clear(DialogLayer layer, Dialog d) {
        layer.setValue(d, STATE, null);
        layer.setValue(d, LEG, null);
        layer.setValue(d, REPLACES, null);
    }
}
