package io.callops.txn;

import java.util.concurrent.atomic.LongAdder;

/** Counters shared by the transaction layers of all workers. */
public final class TxnStats {
    public final LongAdder serverTransactions = new LongAdder();
    public final LongAdder clientTransactions = new LongAdder();
    public final LongAdder activeServer = new LongAdder();
    public final LongAdder activeClient = new LongAdder();
    /** Requests and responses we sent again because a timer fired (A, E, G). */
    public final LongAdder retransmissionsSent = new LongAdder();
    /** Retransmissions from peers absorbed by a transaction. */
    public final LongAdder retransmissionsAbsorbed = new LongAdder();
    public final LongAdder timeouts = new LongAdder();
    public final LongAdder transportErrors = new LongAdder();
}
