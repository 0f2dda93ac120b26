package io.callops.ops.hold;

import io.callops.dialog.LegRole;

/** One leg's part of an operation: its flags go from {@code from} to {@code to}. */
record HoldStep(LegRole leg, HoldAction action, int from, int to) {

    /** The step that puts the leg back where this one found it (all or nothing, decision 8). */
    HoldStep undo() {
        return new HoldStep(leg, HoldAction.UNHOLD, to, from);
    }
}
