package io.callops.events;

import io.netty.channel.EventLoop;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes, refreshes, ends and restores network subscriptions. Every change and every store
 * access runs on the {@code events-io} thread, one at a time, so the store needs no locking
 * and a DNS lookup never runs on the MI's or a SIP thread. The lock of this object guards the
 * subscriptions kept for events not declared yet, which a declaring thread picks up.
 */
final class Subscriptions {
    private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);

    private final EventCatalog catalog;
    private final DeliveryThreads threads;
    private final EventSettings settings;
    private final EventMeters meters;
    private final Clock clock;
    private SubscriptionStore store = new InMemorySubscriptionStore();
    /**
     * Stored subscriptions whose event nobody has declared (yet): a restart loads the store
     * before every layer may have declared its events, so these wait instead of being lost.
     */
    private final Map<String, List<Parked>> parked = new HashMap<>();

    private record Parked(EventSocket socket, long expiresAtMillis) {
    }

    Subscriptions(EventCatalog catalog, DeliveryThreads threads, EventSettings settings, EventMeters meters, Clock clock) {
        this.catalog = catalog;
        this.threads = threads;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Subscribes, refreshes ({@code expireSeconds} > 0) or unsubscribes ({@code expireSeconds} 0).
     * Fails with {@link SubscriptionRejectedException} for an unknown event, a bad socket or a
     * host name that does not resolve.
     */
    CompletableFuture<Void> subscribe(String event, String socket, long expireSeconds) {
        if (expireSeconds < 0) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("negative expire"));
        }
        return CompletableFuture.runAsync(() -> change(event, socket, expireSeconds), threads.io());
    }

    private void change(String event, String socketText, long expireSeconds) {
        EventChannel ch = catalog.get(event);
        if (ch == null) {
            throw new SubscriptionRejectedException("unknown event '" + event + "'");
        }
        EventSocket socket;
        try {
            socket = EventSocket.parse(socketText);
        } catch (InvalidSocketException e) {
            throw new SubscriptionRejectedException(e.getMessage());
        }
        if (expireSeconds == 0) {
            ch.find(socket.text()).ifPresent(this::end);
            persist(() -> store.remove(event, socket.text()));
            return;
        }
        try {
            HostAddress.check(socket.host());
        } catch (UnknownHostException e) {
            throw new SubscriptionRejectedException("host '" + socket.host() + "' does not resolve");
        }
        long expiresAt = clock.millis() + expireSeconds * 1000;
        attach(ch, socket, expiresAt);
        persist(() -> store.save(new StoredSubscription(event, socket.text(), expiresAt)));
    }

    /** The subscription of this socket, refreshed to the new expiry, or a new one. */
    private synchronized void attach(EventChannel ch, EventSocket socket, long expiresAtMillis) {
        Optional<Subscription> existing = ch.find(socket.text());
        if (existing.isPresent()) {
            existing.get().outbox().acceptUntil(expiresAtMillis);
            return;
        }
        EventLoop loop = threads.nextLoop();
        Outbox outbox = new Outbox(ch.type.name() + " subscriber " + socket.text(), settings.queueSize(), loop,
                threads.open(socket, loop), ch.counters.of(socket.transport()), clock, expiresAtMillis);
        ch.add(new Subscription(ch, socket, outbox));
        meters.receiverAdded(ch, socket.transport());
    }

    private synchronized void end(Subscription s) {
        s.channel().remove(s);
        s.outbox().close();
    }

    /** Removes what has expired; on the io thread, every second. */
    void sweep() {
        long now = clock.millis();
        for (EventChannel ch : catalog.all()) {
            for (Subscription s : ch.subscriptions()) {
                if (s.expired(now)) {
                    end(s);
                    persist(() -> store.remove(ch.type.name(), s.socket().text()));
                    log.info("event subscription {} {} expired", ch.type.name(), s.socket().text());
                }
            }
        }
        for (Map.Entry<String, String> gone : expiredParked(now)) {
            persist(() -> store.remove(gone.getKey(), gone.getValue()));
        }
    }

    private synchronized List<Map.Entry<String, String>> expiredParked(long now) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        parked.forEach((event, list) -> list.removeIf(p -> {
            boolean over = p.expiresAtMillis() <= now;
            if (over) {
                out.add(Map.entry(event, p.socket().text()));
            }
            return over;
        }));
        parked.values().removeIf(List::isEmpty);
        return out;
    }

    /**
     * Switches to {@code loaded} and restores what it holds; on the io thread, waited for.
     *
     * @throws SubscriptionStoreException when the store cannot be read
     */
    void load(SubscriptionStore loaded) {
        runOnIo(() -> {
            store = loaded;
            long now = clock.millis();
            int restored = 0;
            for (StoredSubscription s : loaded.loadUnexpired(now)) {
                EventSocket socket;
                try {
                    socket = EventSocket.parse(s.socket());
                } catch (InvalidSocketException e) {
                    log.warn("stored event subscription {} {} ignored: {}", s.event(), s.socket(), e.getMessage());
                    persist(() -> loaded.remove(s.event(), s.socket()));
                    continue;
                }
                restore(s.event(), socket, s.expiresAtMillis());
                restored++;
            }
            if (restored > 0) {
                log.info("{} event subscriptions restored", restored);
            }
        });
    }

    private synchronized void restore(String event, EventSocket socket, long expiresAtMillis) {
        EventChannel ch = catalog.get(event);
        if (ch == null) {
            parked.computeIfAbsent(event, e -> new ArrayList<>()).add(new Parked(socket, expiresAtMillis));
        } else {
            attach(ch, socket, expiresAtMillis);
        }
    }

    /** A new event was declared: the stored subscriptions waiting for it start receiving. */
    synchronized void declared(EventChannel ch) {
        List<Parked> waiting = parked.remove(ch.type.name());
        if (waiting != null) {
            long now = clock.millis();
            for (Parked p : waiting) {
                if (p.expiresAtMillis() > now) {
                    attach(ch, p.socket(), p.expiresAtMillis());
                }
            }
        }
    }

    /** A listener: a receiver that never expires and is not stored. */
    Outbox listener(EventChannel ch, EventListener listener) {
        EventLoop loop = threads.nextLoop();
        Outbox outbox = new Outbox(ch.type.name() + " listener " + listener, settings.queueSize(), loop,
                new ListenerDelivery(listener), ch.counters.of(DeliveryTransport.LISTENER), clock, Long.MAX_VALUE);
        ch.addListener(outbox);
        meters.receiverAdded(ch, DeliveryTransport.LISTENER);
        return outbox;
    }

    /** Ends every subscription and listener (their queues are dropped) and closes the store. */
    void closeAll() {
        for (EventChannel ch : catalog.all()) {
            for (Subscription s : ch.subscriptions()) {
                s.outbox().close();
            }
            for (Outbox o : ch.listeners()) {
                o.close();
            }
        }
        try {
            runOnIo(() -> store.close());
        } catch (RuntimeException e) {
            log.warn("event subscription store not closed cleanly: {}", e.getMessage());
        }
    }

    /** A failed write costs persistence, not the subscription: it keeps working until a restart. */
    private void persist(Runnable write) {
        try {
            write.run();
        } catch (SubscriptionStoreException e) {
            log.error("{}; the subscription works but will not survive a restart", e.getMessage());
        }
    }

    private void runOnIo(Runnable task) {
        try {
            threads.io().submit(task).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the event store", e);
        }
    }
}
