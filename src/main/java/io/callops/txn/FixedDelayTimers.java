package io.callops.txn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Long timers of one worker, kept in one FIFO queue per delay. Almost every long timer of
 * a transaction or dialog has the same few delays (64*T1, T4, timer C, the dialog timeout),
 * so the timers of one delay expire in the order they were set: appending and popping the
 * head is all it takes. The queues are doubly linked through their entries, so a cancelled
 * timer leaves its queue at once: most timers (64*T1 for an answered request, timer C, a
 * dialog's twelve-hour timeout) are cancelled long before they are due, and an entry that
 * stayed until its due time would hold memory for that long and be copied by every
 * collection meanwhile. A priority queue holding a hundred thousand such timers costs a
 * reordering per insert and per cancel, and its constant rewrites of a large array make
 * every young garbage collection rescan it.
 *
 * <p>Not thread-safe: used on its worker's thread only. A cancel from another thread is
 * handed to the worker. {@link #runDue()} is called by a periodic tick of the worker; a
 * timer fires within one tick after its due time.
 */
final class FixedDelayTimers {
    /**
     * Delays seen rarely (a random retry delay, the rest of a recovered call's lifetime) would
     * each open a queue that is scanned on every tick forever; past this many queues such
     * timers are refused and go to the worker's ordinary scheduler instead.
     */
    static final int MAX_QUEUES = 64;

    /**
     * The queues, found by a scan of their delays: there are a handful, and a map keyed by a
     * boxed delay would allocate on every timer set. A list, not an array copied on growth, as
     * a timer may set a timer of a new delay while they run.
     */
    private final List<Queue> queues = new ArrayList<>();
    /** The queue found last: {@link #takes} and then {@link #add} ask for the same delay. */
    private Queue lastFound;
    private final LongSupplier nowMs;
    private final Executor worker;
    private final BooleanSupplier inWorker;

    /**
     * @param worker   runs a cancel that comes from another thread on the worker's thread
     * @param inWorker true on the worker's thread
     */
    FixedDelayTimers(LongSupplier nowMs, Executor worker, BooleanSupplier inWorker) {
        this.nowMs = nowMs;
        this.worker = worker;
        this.inWorker = inWorker;
    }

    /** The timers of one delay, oldest first. */
    private static final class Queue {
        final long delayMs;
        Entry head;
        Entry tail;
        int size;

        Queue(long delayMs) {
            this.delayMs = delayMs;
        }

        void append(Entry e) {
            e.queue = this;
            e.prev = tail;
            if (tail == null) {
                head = e;
            } else {
                tail.next = e;
            }
            tail = e;
            size++;
        }

        void unlink(Entry e) {
            if (e.prev == null) {
                head = e.next;
            } else {
                e.prev.next = e.next;
            }
            if (e.next == null) {
                tail = e.prev;
            } else {
                e.next.prev = e.prev;
            }
            e.prev = null;
            e.next = null;
            e.queue = null;
            size--;
        }
    }

    private final class Entry implements TimerHandle {
        final long due;
        Runnable task;
        Entry prev;
        Entry next;
        Queue queue; // null once fired or cancelled

        Entry(long due, Runnable task) {
            this.due = due;
            this.task = task;
        }

        @Override
        public void cancel() {
            task = null; // never fires, whichever thread cancels
            if (inWorker.getAsBoolean()) {
                leaveQueue();
                return;
            }
            try {
                worker.execute(this::leaveQueue);
            } catch (RejectedExecutionException stopped) {
                // The worker has shut down, and its queues with it: nothing is left to unlink.
            }
        }

        private void leaveQueue() {
            if (queue != null) {
                queue.unlink(this);
            }
        }
    }

    /** True when a timer of this delay has (or may get) a queue of its own. */
    boolean takes(long delayMs) {
        return queueOf(delayMs) != null || queues.size() < MAX_QUEUES;
    }

    TimerHandle add(Runnable task, long delayMs) {
        Entry e = new Entry(nowMs.getAsLong() + delayMs, task);
        Queue q = queueOf(delayMs);
        if (q == null) {
            if (queues.size() >= MAX_QUEUES) {
                throw new IllegalStateException("no queue for delay " + delayMs + "; check takes() first");
            }
            q = new Queue(delayMs);
            queues.add(q);
        }
        q.append(e);
        return e;
    }

    private Queue queueOf(long delayMs) {
        Queue last = lastFound;
        if (last != null && last.delayMs == delayMs) {
            return last;
        }
        for (int i = 0; i < queues.size(); i++) {
            Queue q = queues.get(i);
            if (q.delayMs == delayMs) {
                lastFound = q;
                return q;
            }
        }
        return null;
    }

    /** Runs every timer that is due. */
    void runDue() {
        long now = nowMs.getAsLong();
        for (int i = 0; i < queues.size(); i++) {
            Queue q = queues.get(i);
            Entry head;
            while ((head = q.head) != null && head.due <= now) {
                q.unlink(head);
                Runnable task = head.task;
                head.task = null;
                if (task != null) {
                    task.run();
                }
            }
        }
    }

    /** Timers set and neither fired nor cancelled yet. */
    int size() {
        int n = 0;
        for (Queue q : queues) {
            n += q.size;
        }
        return n;
    }
}
