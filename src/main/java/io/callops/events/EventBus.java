package io.callops.events;

import io.callops.api.Event;
import io.callops.api.EventSink;
import io.callops.api.EventType;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event interface of a running server. Layers {@link #declare} their events once and
 * {@link #raise} them from any thread, SIP workers included: raising looks the event up
 * without a lock, puts it on each receiver's bounded queue and returns; it never blocks and
 * never throws. Receivers are network subscriptions ({@link #subscribe}, the MI's
 * {@code event_subscribe}) and in-process {@linkplain #addListener listeners}; each gets the
 * events in the order they were raised, on a delivery thread of this bus.
 *
 * <p>{@link #start} restores the stored subscriptions and starts the expiry sweep;
 * {@link #close} lets queued events go out for a moment, then stops every thread.
 */
public final class EventBus implements EventSink, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventBus.class);
    /** How often expired subscriptions are removed (raising already skips them). */
    private static final long SWEEP_INTERVAL_MS = 1000;
    /** How long {@link #close} waits for queued events to be sent. */
    private static final long DRAIN_MS = 1000;

    private final Clock clock;
    private final EventCatalog catalog = new EventCatalog();
    private final EventMeters meters = new EventMeters(catalog);
    private final DeliveryThreads threads;
    private final Subscriptions subscriptions;
    private final LongAdder undeclared = new LongAdder();
    private final Set<String> warnedUndeclared = ConcurrentHashMap.newKeySet();
    private volatile ScheduledFuture<?> sweep;
    private volatile boolean closed;

    public EventBus(EventSettings settings, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.threads = new DeliveryThreads(settings);
        this.subscriptions = new Subscriptions(catalog, threads, settings, meters, clock);
    }

    public EventBus(EventSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /**
     * Restores the subscriptions kept in {@code store} (with the time they had left) and keeps
     * it up to date from now on; starts the expiry sweep.
     *
     * @throws SubscriptionStoreException when the store cannot be read
     */
    public void start(SubscriptionStore store) {
        subscriptions.load(store);
        sweep = threads.io().scheduleWithFixedDelay(this::sweepQuietly, SWEEP_INTERVAL_MS, SWEEP_INTERVAL_MS,
                TimeUnit.MILLISECONDS);
    }

    private void sweepQuietly() {
        try {
            subscriptions.sweep();
        } catch (RuntimeException e) {
            log.error("event subscription sweep failed", e); // a scheduled task that throws is never run again
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the name is already declared with other parameters
     */
    @Override
    public void declare(EventType type) {
        EventCatalog.Declared d = catalog.declare(type);
        if (d.isNew()) {
            meters.declared(d.channel());
            subscriptions.declared(d.channel());
        }
    }

    @Override
    public boolean wanted(EventType type) {
        EventChannel ch = catalog.get(type.name());
        // An event declared with other parameters would not be delivered, so nobody wants it.
        return ch != null && ch.wanted() && ch.type.equals(type);
    }

    @Override
    public void raise(Event event) {
        if (closed || event == null) {
            return;
        }
        try {
            EventChannel ch = catalog.get(event.name());
            if (ch == null || !ch.type.equals(event.type())) {
                undeclared(event);
                return;
            }
            ch.dispatch(event, clock.millis());
        } catch (RuntimeException e) {
            // The caller is typically a SIP worker in the middle of a call: an event problem must not reach it.
            log.error("event {} not raised", event.name(), e);
        }
    }

    private void undeclared(Event event) {
        undeclared.increment();
        if (warnedUndeclared.add(event.name())) {
            log.warn("event {} raised but not declared (or declared with other parameters): not delivered",
                    event.name());
        }
    }

    /**
     * Delivers every event of {@code type} to {@code listener} (declaring the type if needed),
     * on a delivery thread, in the order raised, through a bounded queue like any subscriber.
     */
    public ListenerRegistration addListener(EventType type, EventListener listener) {
        Objects.requireNonNull(listener, "listener");
        declare(type);
        EventChannel ch = catalog.get(type.name());
        Outbox outbox = subscriptions.listener(ch, listener);
        return () -> {
            ch.removeListener(outbox);
            outbox.close();
        };
    }

    /**
     * Subscribes {@code socket} to {@code event} for {@code expireSeconds}, refreshes the
     * subscription when it exists, or ends it when {@code expireSeconds} is 0. The work (name
     * lookup, store) runs on the bus's own thread; the stage completes from there.
     *
     * @return a stage failing with {@link SubscriptionRejectedException} for an unknown event,
     *         a bad socket or a host name that does not resolve
     */
    public CompletionStage<Void> subscribe(String event, String socket, long expireSeconds) {
        return subscriptions.subscribe(event, socket, expireSeconds);
    }

    /** Every declared event with its subscribers, in declaration order. */
    public List<EventView> events() {
        long now = clock.millis();
        List<EventView> out = new ArrayList<>();
        for (EventChannel ch : catalog.all()) {
            out.add(ch.view(now));
        }
        return out;
    }

    public Optional<EventView> event(String name) {
        EventChannel ch = catalog.get(name);
        return ch == null ? Optional.empty() : Optional.of(ch.view(clock.millis()));
    }

    /** The declared type of this name. */
    public Optional<EventType> type(String name) {
        EventChannel ch = catalog.get(name);
        return ch == null ? Optional.empty() : Optional.of(ch.type);
    }

    /** The Prometheus meters of the events, to bind to the server's registry. */
    public MeterBinder meters() {
        return meters;
    }

    /** Totals for {@code get_statistics}, under the group {@code events:}. */
    public Map<String, LongSupplier> statistics() {
        Map<String, LongSupplier> m = new LinkedHashMap<>();
        m.put("events:raised", () -> sum(ch -> ch.counters.raised.sum()));
        m.put("events:delivered", () -> sum(ch -> ch.counters.delivered()));
        m.put("events:dropped", () -> sum(ch -> ch.counters.dropped()));
        m.put("events:subscribers", () -> sum(ch -> ch.subscriptionCount()));
        return m;
    }

    private long sum(ToLongFunction<EventChannel> f) {
        long n = 0;
        for (EventChannel ch : catalog.all()) {
            n += f.applyAsLong(ch);
        }
        return n;
    }

    /** Events raised under a name nobody declared (a programming error somewhere). */
    public long undeclaredRaised() {
        return undeclared.sum();
    }

    /**
     * Stops taking events, gives the queued ones up to a second to go out, then ends every
     * subscription (they stay in the store) and stops the threads.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ScheduledFuture<?> s = sweep;
        if (s != null) {
            s.cancel(false);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MS);
        while (!allIdle() && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        subscriptions.closeAll();
        threads.close();
    }

    private boolean allIdle() {
        for (EventChannel ch : catalog.all()) {
            for (Subscription s : ch.subscriptions()) {
                if (!s.outbox().idle()) {
                    return false;
                }
            }
            for (Outbox o : ch.listeners()) {
                if (!o.idle()) {
                    return false;
                }
            }
        }
        return true;
    }
}
