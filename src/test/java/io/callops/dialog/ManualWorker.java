package io.callops.dialog;

import io.callops.txn.TimerHandle;
import io.callops.txn.Worker;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * A worker whose time moves only when the test advances it. Tasks run at once on the test's
 * thread (queued behind the one running, as on a real worker); timers wait in a list with
 * their due time and run, in due order, when {@link #advance} passes it. Its {@link #clock()}
 * shows the same time as wall-clock time, so lifetimes stored as epoch milliseconds agree
 * with the timers.
 */
final class ManualWorker implements Worker {
    /** The wall-clock time at which every test's worker starts: a fixed instant keeps runs alike. */
    static final long START_EPOCH_MS = 1_700_000_000_000L;

    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private final PriorityQueue<Timer> timers =
            new PriorityQueue<>(Comparator.comparingLong(Timer::due).thenComparingLong(Timer::order));
    private boolean running;
    private long nowMs;
    private long nextOrder;

    private record Timer(long due, long order, Runnable task, boolean[] cancelled) {
    }

    @Override
    public void execute(Runnable task) {
        queue.add(task);
        if (running) return; // runs after the task in progress, never inside it
        running = true;
        try {
            for (Runnable next; (next = queue.poll()) != null; ) next.run();
        } finally {
            running = false;
        }
    }

    @Override
    public TimerHandle schedule(Runnable task, long delayMs) {
        Timer t = new Timer(nowMs + Math.max(0, delayMs), nextOrder++, task, new boolean[1]);
        timers.add(t);
        return () -> t.cancelled()[0] = true;
    }

    @Override
    public boolean inWorker() {
        return true;
    }

    @Override
    public long nowMs() {
        return nowMs;
    }

    /** Moves time forward by {@code ms}, running every timer that falls due on the way. */
    void advance(long ms) {
        long until = nowMs + ms;
        while (!timers.isEmpty() && timers.peek().due() <= until) {
            Timer t = timers.poll();
            if (t.cancelled()[0]) continue;
            nowMs = t.due();
            execute(t.task());
        }
        nowMs = until;
    }

    /** Wall-clock time as the dialog layer reads it: {@link #START_EPOCH_MS} plus the time advanced. */
    Clock clock() {
        InstantSource source = () -> Instant.ofEpochMilli(START_EPOCH_MS + nowMs);
        return source.withZone(ZoneOffset.UTC);
    }
}
