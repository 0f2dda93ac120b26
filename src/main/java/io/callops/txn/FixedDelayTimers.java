package io.callops.txn;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Long timers of one worker, kept in one FIFO queue per delay. Almost every long timer of
 * a transaction has the same few delays (64*T1, T4, timer C), so the timers of one delay
 * expire in the order they were set: appending and popping the head is all it takes, and
 * cancelling only marks the entry. A priority queue holding a hundred thousand such timers
 * costs a reordering per insert and per cancel, and its constant rewrites of a large array
 * make every young garbage collection rescan it.
 *
 * <p>Not thread-safe: used on its worker's thread only. {@link #runDue()} is called by a
 * periodic tick of the worker; a timer fires within one tick after its due time.
 */
final class FixedDelayTimers {
    /**
     * Delays seen rarely (a random retry delay, the rest of a recovered call's lifetime) would
     * each open a queue that is scanned on every tick forever; past this many queues such
     * timers are refused and go to the worker's ordinary scheduler instead.
     */
    static final int MAX_QUEUES = 64;

    private final Map<Long, ArrayDeque<Entry>> byDelay = new HashMap<>();
    /** The same queues as a list: a timer may set a timer of a new delay while they run. */
    private final List<ArrayDeque<Entry>> queues = new ArrayList<>();
    private final LongSupplier nowMs;

    FixedDelayTimers(LongSupplier nowMs) {
        this.nowMs = nowMs;
    }

    private static final class Entry implements TimerHandle {
        final long due;
        Runnable task;

        Entry(long due, Runnable task) {
            this.due = due;
            this.task = task;
        }

        @Override
        public void cancel() {
            task = null; // dropped when it reaches the head; the task's state is released now
        }
    }

    /** True when a timer of this delay has (or may get) a queue of its own. */
    boolean takes(long delayMs) {
        return byDelay.containsKey(delayMs) || queues.size() < MAX_QUEUES;
    }

    TimerHandle add(Runnable task, long delayMs) {
        Entry e = new Entry(nowMs.getAsLong() + delayMs, task);
        ArrayDeque<Entry> q = byDelay.get(delayMs);
        if (q == null) {
            if (queues.size() >= MAX_QUEUES) {
                throw new IllegalStateException("no queue for delay " + delayMs + "; check takes() first");
            }
            q = new ArrayDeque<>();
            byDelay.put(delayMs, q);
            queues.add(q);
        }
        q.addLast(e);
        return e;
    }

    /** Runs every timer that is due. */
    void runDue() {
        long now = nowMs.getAsLong();
        for (int i = 0; i < queues.size(); i++) {
            ArrayDeque<Entry> q = queues.get(i);
            Entry head;
            while ((head = q.peekFirst()) != null && head.due <= now) {
                q.pollFirst();
                Runnable task = head.task;
                head.task = null;
                if (task != null) {
                    task.run();
                }
            }
        }
    }

    /** Timers set and not yet fired or dropped (cancelled ones count until they reach the head). */
    int size() {
        int n = 0;
        for (ArrayDeque<Entry> q : queues) {
            n += q.size();
        }
        return n;
    }
}
