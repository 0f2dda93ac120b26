package io.callops.ops.transfer;

import java.util.concurrent.atomic.LongAdder;

/** Transfer counters (written on workers, read by the MI and /metrics). */
public final class TransferStats {
    public final LongAdder started = new LongAdder();
    public final LongAdder succeeded = new LongAdder();
    public final LongAdder failed = new LongAdder();
    public final LongAdder linked = new LongAdder();
    /** New calls whose linking parameter did not verify (forged or damaged). */
    public final LongAdder forgedLinks = new LongAdder();
    /** New calls naming a dialog that has no transfer waiting for them. */
    public final LongAdder staleLinks = new LongAdder();
    public final LongAdder notifies = new LongAdder();
}
