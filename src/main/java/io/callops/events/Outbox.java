package io.callops.events;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue of one subscriber and the loop that empties it. {@link #offer} runs on the raising
 * thread and never waits: a full queue drops the event for this subscriber only. Sending runs
 * on the subscriber's own delivery thread with one event in flight at a time, which is what
 * keeps one subscriber's events in the order they were raised.
 */
final class Outbox {
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    /** Events sent in one go before the thread is handed to the other subscribers it serves. */
    private static final int BATCH = 64;

    private final String name;
    private final int capacity;
    private final Executor thread;
    private final Delivery delivery;
    private final DeliveryCounters totals;
    private final Clock clock;
    // The queue is unbounded and lock-free; the separate count is what bounds it.
    private final ConcurrentLinkedQueue<RaisedEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean pumping = new AtomicBoolean();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder drops = new LongAdder();
    private volatile long acceptsUntilMillis;
    private volatile boolean closed;
    private volatile boolean failing;

    Outbox(String name, int capacity, Executor thread, Delivery delivery, DeliveryCounters totals, Clock clock,
           long acceptsUntilMillis) {
        this.name = name;
        this.capacity = capacity;
        this.thread = thread;
        this.delivery = delivery;
        this.totals = totals;
        this.clock = clock;
        this.acceptsUntilMillis = acceptsUntilMillis;
    }

    /** Queues an event; on the raising thread, so nothing here blocks or allocates much. */
    void offer(RaisedEvent event, long nowMillis) {
        if (closed || nowMillis >= acceptsUntilMillis) {
            return; // an expired subscription is no subscriber any more, even before the sweep removes it
        }
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            drop(DropReason.QUEUE_FULL);
            return;
        }
        queue.offer(event);
        if (pumping.compareAndSet(false, true)) {
            schedulePump();
        }
    }

    private void schedulePump() {
        try {
            thread.execute(this::pump);
        } catch (RejectedExecutionException e) {
            // The bus is shutting down: what is queued now will not be sent.
            pumping.set(false);
        }
    }

    /** On the delivery thread: sends queued events until one is in flight or the batch is used up. */
    private void pump() {
        for (int sent = 0; sent < BATCH; sent++) {
            RaisedEvent event = queue.poll();
            if (event == null) {
                pumping.set(false);
                // An event offered between the empty poll and the reset found pumping still set.
                if (!queue.isEmpty() && pumping.compareAndSet(false, true)) {
                    continue;
                }
                return;
            }
            queued.decrementAndGet();
            if (closed || clock.millis() >= acceptsUntilMillis) {
                drop(DropReason.ENDED);
                continue;
            }
            CompletableFuture<Void> result = sendSafely(event);
            if (result.isDone()) {
                record(result.handle((ok, failure) -> failure).join());
                continue;
            }
            result.whenComplete((ok, failure) -> {
                record(failure);
                schedulePump();
            });
            return;
        }
        schedulePump(); // let the other subscribers on this thread have a turn
    }

    private CompletableFuture<Void> sendSafely(RaisedEvent event) {
        try {
            return delivery.send(event);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void record(Throwable failure) {
        if (failure == null) {
            delivered.increment();
            totals.delivered.increment();
            if (failing) {
                failing = false;
                log.info("event delivery to {} works again", name);
            }
            return;
        }
        drop(DropReason.SEND_FAILED);
        // One warning when a subscriber starts failing, not one per event.
        if (!failing) {
            failing = true;
            log.warn("event delivery to {} failed: {}", name, describe(failure));
        } else {
            log.debug("event delivery to {} failed: {}", name, describe(failure));
        }
    }

    private static String describe(Throwable t) {
        Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getClass().getSimpleName() + ": " + c.getMessage();
    }

    private void drop(DropReason reason) {
        drops.increment();
        totals.dropped(reason).increment();
    }

    /** Extends or shortens the subscription (re-subscribe). */
    void acceptUntil(long millis) {
        acceptsUntilMillis = millis;
    }

    long acceptsUntilMillis() {
        return acceptsUntilMillis;
    }

    long delivered() {
        return delivered.sum();
    }

    long drops() {
        return drops.sum();
    }

    /** Nothing queued and nothing in flight. */
    boolean idle() {
        return !pumping.get() && queue.isEmpty();
    }

    /** Ends delivery: what is still queued is dropped and the delivery's connections are closed. */
    void close() {
        closed = true;
        try {
            thread.execute(this::closeOnThread);
        } catch (RejectedExecutionException e) {
            closeOnThread();
        }
    }

    private void closeOnThread() {
        while (queue.poll() != null) {
            queued.decrementAndGet();
            drop(DropReason.ENDED);
        }
        delivery.close();
    }
}
