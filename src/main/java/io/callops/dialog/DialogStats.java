package io.callops.dialog;

import java.util.concurrent.atomic.LongAdder;

/** Dialog counters, shared by every worker (written on workers, read by the MI and /metrics). */
public final class DialogStats {
    public final LongAdder created = new LongAdder();
    public final LongAdder ended = new LongAdder();
    public final LongAdder timedOut = new LongAdder();
    public final LongAdder recovered = new LongAdder();
    public final LongAdder requestsSent = new LongAdder();
    public final LongAdder requestsFailed = new LongAdder();
    public final LongAdder retried491 = new LongAdder();
    /** Initial INVITEs answered with a failure: their dialog never got confirmed. */
    public final LongAdder failed = new LongAdder();
    private final LongAdder[] inState = new LongAdder[DialogState.values().length + 1];

    public DialogStats() {
        for (int i = 0; i < inState.length; i++) inState[i] = new LongAdder();
    }

    /** Dialogs in a state now (ended ones while they linger). */
    public long inState(DialogState state) {
        return inState[state.code()].sum();
    }

    /** Dialogs not ended: unconfirmed, early and confirmed. */
    public long active() {
        return inState(DialogState.UNCONFIRMED) + inState(DialogState.EARLY) + inState(DialogState.CONFIRMED_NOT_ACKED)
                + inState(DialogState.CONFIRMED);
    }

    void entered(DialogState state) {
        inState[state.code()].increment();
    }

    void left(DialogState state) {
        inState[state.code()].decrement();
    }
}
