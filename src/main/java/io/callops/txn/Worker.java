package io.callops.txn;

/**
 * A single thread that owns a share of the calls (chosen by Call-ID). Everything about one
 * call (its transactions, dialog and operations) runs on its worker, so that state needs no
 * locks. Timers fire on the same thread.
 */
public interface Worker {

    /** Runs the task on this worker's thread, after what is already queued. */
    void execute(Runnable task);

    /** Runs the task on this worker's thread after {@code delayMs}; the handle cancels it. */
    TimerHandle schedule(Runnable task, long delayMs);

    /** True when called from this worker's thread. */
    boolean inWorker();

    /** Milliseconds from a monotonic clock (wall-clock changes do not move timers). */
    long nowMs();
}
