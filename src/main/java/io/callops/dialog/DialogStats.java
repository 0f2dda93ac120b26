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
}
