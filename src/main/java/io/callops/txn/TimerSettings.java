package io.callops.txn;

/**
 * The transaction timers of RFC 3261 §17 (Table 4) in milliseconds. T1 is the round-trip
 * estimate, T2 the cap on non-INVITE retransmission intervals, T4 how long the network may
 * hold a message; timer C is the proxy's INVITE timer (§16.6 step 11, more than 3 minutes).
 */
public record TimerSettings(long t1, long t2, long t4, long timerC) {
    public static final TimerSettings DEFAULT = new TimerSettings(500, 4000, 5000, 180_000);

    public TimerSettings {
        if (t1 <= 0 || t2 < t1 || t4 <= 0 || timerC <= 0) {
            throw new IllegalArgumentException("timers must be positive and T2 >= T1");
        }
    }

    /** Timers B, F, H, J, L and M: 64*T1. */
    public long transactionTimeout() {
        return 64 * t1;
    }
}
