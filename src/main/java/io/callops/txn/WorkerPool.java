package io.callops.txn;

import io.netty.channel.DefaultEventLoop;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The workers of the proxy. A call's worker is chosen by hashing its Call-ID, so every
 * message of a call, and every timer of it, runs on the same thread.
 *
 * <p>In the server the workers are the transport's own I/O event loops: a message read by
 * the loop that owns its call is processed right there, and the answer leaves from that
 * loop's socket, with no thread hand-over. A pool can also own its threads (tests, tools).
 */
public final class WorkerPool implements AutoCloseable {
    private final LoopWorker[] workers;
    private final boolean owned;

    /** A pool with its own {@code size} threads. */
    public WorkerPool(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("worker pool size must be at least 1");
        }
        DefaultThreadFactory threads = new DefaultThreadFactory("callops-worker", false);
        workers = new LoopWorker[size];
        for (int i = 0; i < size; i++) {
            workers[i] = new LoopWorker(new DefaultEventLoop(threads));
        }
        owned = true;
    }

    /** A pool over event loops someone else owns and shuts down (the transport's). */
    public WorkerPool(List<? extends EventExecutor> loops) {
        if (loops.isEmpty()) {
            throw new IllegalArgumentException("worker pool needs at least one event loop");
        }
        List<LoopWorker> w = new ArrayList<>();
        for (EventExecutor e : loops) {
            w.add(new LoopWorker(e));
        }
        workers = w.toArray(new LoopWorker[0]);
        owned = false;
    }

    public int size() {
        return workers.length;
    }

    public Worker get(int index) {
        return workers[index];
    }

    /** The worker that owns this Call-ID (worker 0 when there is none). */
    public int indexFor(String callId) {
        if (callId == null) {
            return 0;
        }
        // Spread the hash so that Call-IDs differing in one trailing character still balance.
        int h = callId.hashCode();
        h ^= (h >>> 16);
        h *= 0x45d9f3b;
        h ^= (h >>> 16);
        return Math.floorMod(h, workers.length);
    }

    public Worker forCallId(String callId) {
        return workers[indexFor(callId)];
    }

    /** Stops threads the pool owns; queued tasks run first, for at most {@code timeoutMs}. */
    public void shutdown(long timeoutMs) {
        if (!owned) {
            return;
        }
        for (LoopWorker w : workers) {
            w.loop.shutdownGracefully(0, timeoutMs, TimeUnit.MILLISECONDS);
        }
        for (LoopWorker w : workers) {
            w.loop.terminationFuture().awaitUninterruptibly(timeoutMs + 1000);
        }
    }

    @Override
    public void close() {
        shutdown(2000);
    }

    private static final class LoopWorker implements Worker {
        /** Timers at least this long go to the FIFO queues; shorter ones (retransmissions) to the loop. */
        private static final long LONG_TIMER_MS = 1000;
        /** How often the FIFO queues are checked: the precision of long timers. */
        private static final long TICK_MS = 10;

        final EventExecutor loop;
        private final FixedDelayTimers longTimers;
        private volatile boolean ticking;

        LoopWorker(EventExecutor loop) {
            this.loop = loop;
            this.longTimers = new FixedDelayTimers(this::nowMs, loop, loop::inEventLoop);
        }

        @Override
        public void execute(Runnable task) {
            loop.execute(task);
        }

        @Override
        public TimerHandle schedule(Runnable task, long delayMs) {
            if (delayMs >= LONG_TIMER_MS && loop.inEventLoop() && longTimers.takes(delayMs)) {
                startTicking();
                return longTimers.add(task, delayMs);
            }
            ScheduledFuture<?> f = loop.schedule(task, Math.max(0, delayMs), TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        }

        private void startTicking() {
            if (!ticking) {
                ticking = true;
                loop.scheduleWithFixedDelay(longTimers::runDue, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
            }
        }

        @Override
        public boolean inWorker() {
            return loop.inEventLoop();
        }

        @Override
        public long nowMs() {
            return System.nanoTime() / 1_000_000L;
        }
    }
}
