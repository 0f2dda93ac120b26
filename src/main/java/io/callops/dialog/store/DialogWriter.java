package io.callops.dialog.store;

import io.callops.dialog.store.PendingChanges.Change;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's one writer thread. Each round it takes every pending change and writes them
 * in one transaction. It wakes every flush delay, or, with a delay of 0, as soon as a change
 * is noted; a flush or a stop wakes it at once.
 *
 * <p>A failed round puts its changes back (a newer change of the same dialog wins), and the
 * next round, no sooner than {@link #RETRY_PAUSE_MS}, tries again. After {@code maxAttempts}
 * failed rounds in a row the changes of the last one are given up and counted, so a file that
 * will not take writes does not keep the same changes forever.
 */
final class DialogWriter {
    static final String THREAD_NAME = "callops-dialog-store";
    /** The least time between a failed round and the next, so a failing disk is not hammered. */
    static final long RETRY_PAUSE_MS = 250;

    private static final Logger log = LoggerFactory.getLogger(DialogWriter.class);

    private final DialogTable table;
    private final PendingChanges pending;
    private final long flushDelayMs;
    private final int maxAttempts;
    private final Thread thread;

    /** Flush tickets: a flush takes the next number and waits until a round has started after it. */
    private final AtomicLong flushRequested = new AtomicLong();
    /** The highest ticket whose round is done; written by the writer thread only. */
    private volatile long flushDone;
    private volatile boolean stopping;
    /** Failed rounds in a row; writer thread only. */
    private int failedRounds;

    private final LongAdder written = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder abandoned = new LongAdder();

    DialogWriter(DialogTable table, PendingChanges pending, long flushDelayMs, int maxAttempts) {
        this.table = table;
        this.pending = pending;
        this.flushDelayMs = flushDelayMs;
        this.maxAttempts = maxAttempts;
        this.thread = new Thread(this::run, THREAD_NAME);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> log.error(
                "dialog store {}: the writer stopped; dialog changes are no longer written", table.file(), e));
    }

    void start() {
        thread.start();
    }

    /** Called after each noted change; wakes the writer only when it writes without delay. */
    void changeNoted() {
        if (flushDelayMs == 0) LockSupport.unpark(thread);
    }

    /**
     * Waits until everything pending now has been through a round (written, or the attempt
     * failed and was counted).
     *
     * @return false when that took longer than {@code timeoutMs} or the writer is gone
     */
    boolean flush(long timeoutMs) throws InterruptedException {
        long ticket = flushRequested.incrementAndGet();
        LockSupport.unpark(thread);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        synchronized (this) {
            while (flushDone < ticket && thread.isAlive()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) return false;
                wait(left);
            }
        }
        return flushDone >= ticket;
    }

    /** Makes a last round and ends the thread; false when it did not end within {@code timeoutMs}. */
    boolean stop(long timeoutMs) throws InterruptedException {
        stopping = true;
        LockSupport.unpark(thread);
        thread.join(timeoutMs);
        return !thread.isAlive();
    }

    private void run() {
        while (true) {
            waitForWork();
            boolean last = stopping;
            round();
            if (last) {
                int left = pending.size();
                if (left > 0) {
                    abandoned.add(left);
                    log.error("dialog store {}: {} dialog changes could not be written before closing", table.file(),
                            left);
                }
                return;
            }
        }
    }

    private void waitForWork() {
        long pauseMs = failedRounds > 0 ? Math.max(flushDelayMs, RETRY_PAUSE_MS) : flushDelayMs;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pauseMs);
        // Loops because parking may end early for no reason.
        while (!stopping && flushRequested.get() <= flushDone) {
            if (pauseMs == 0) {
                if (!pending.isEmpty()) return;
                LockSupport.park(this);
            } else {
                long left = deadline - System.nanoTime();
                if (left <= 0) return;
                LockSupport.parkNanos(this, left);
            }
        }
    }

    private void round() {
        // Read before taking the changes: every change noted before this flush request is taken below.
        long ticket = flushRequested.get();
        List<Change> batch = pending.takeAll();
        if (!batch.isEmpty()) write(batch);
        if (ticket > flushDone) {
            flushDone = ticket;
            synchronized (this) {
                notifyAll();
            }
        }
    }

    private void write(List<Change> batch) {
        try {
            table.write(batch);
            written.add(batch.size());
            batches.increment();
            if (failedRounds > 0) {
                log.info("dialog store {} writes again after {} failed attempts", table.file(), failedRounds);
            }
            failedRounds = 0;
        } catch (SQLException | RuntimeException e) {
            failed.increment();
            failedRounds++;
            if (failedRounds < maxAttempts) {
                pending.putBack(batch);
                log.warn("dialog store {}: writing {} dialog changes failed (attempt {} of {}, retried): {}",
                        table.file(), batch.size(), failedRounds, maxAttempts, e.toString());
            } else {
                abandoned.add(batch.size());
                log.error("dialog store {}: writing {} dialog changes failed {} times; they are dropped: {}",
                        table.file(), batch.size(), failedRounds, e.toString());
                failedRounds = 0;
            }
        }
    }

    /** Changes written since start. */
    long written() {
        return written.sum();
    }

    /** Transactions committed since start. */
    long batches() {
        return batches.sum();
    }

    /** Rounds whose transaction failed. */
    long failedRounds() {
        return failed.sum();
    }

    /** Changes given up: failing too often, or still pending at the stop. */
    long abandoned() {
        return abandoned.sum();
    }
}
