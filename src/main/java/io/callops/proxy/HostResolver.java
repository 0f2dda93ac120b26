package io.callops.proxy;

import io.callops.transport.IpLiterals;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

/**
 * Turns host names into addresses off the SIP path. IP literals answer at once on the
 * caller's thread; names are looked up on a small bounded pool and the answer is cached for
 * a short while, so a slow DNS server delays only the requests that need it and never a
 * worker. When the pool's queue is full the lookup fails at once (the request gets 503).
 */
public final class HostResolver implements AutoCloseable {
    private static final long CACHE_MS = 30_000;

    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1000), r -> {
                Thread t = new Thread(r, "callops-dns");
                t.setDaemon(true);
                return t;
            });
    private static final int MAX_LITERALS = 4096;

    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    /** IP literals already converted: the same few peers send most of the traffic. */
    private final ConcurrentHashMap<String, InetAddress> literals = new ConcurrentHashMap<>();
    public final LongAdder lookups = new LongAdder();
    public final LongAdder failures = new LongAdder();

    private record Cached(InetAddress address, long until) {}

    /**
     * Resolves {@code host}; the callback runs on the caller's thread for literals and cache
     * hits, otherwise on a resolver thread (the caller hops back to its worker).
     */
    public void resolve(String host, BiConsumer<InetAddress, Throwable> callback) {
        InetAddress literal = literals.get(host);
        if (literal != null) {
            callback.accept(literal, null);
            return;
        }
        if (IpLiterals.isIpLiteral(host)) {
            try {
                InetAddress a = InetAddress.getByName(host); // a literal: no lookup happens
                if (literals.size() > MAX_LITERALS) {
                    literals.clear(); // bounded: a flood of distinct addresses cannot grow it
                }
                literals.put(host, a);
                callback.accept(a, null);
            } catch (UnknownHostException e) {
                callback.accept(null, e);
            }
            return;
        }
        Cached c = cache.get(host);
        if (c != null && c.until > System.nanoTime() / 1_000_000) {
            callback.accept(c.address, null);
            return;
        }
        try {
            pool.execute(() -> {
                lookups.increment();
                try {
                    InetAddress a = InetAddress.getByName(host);
                    cache.put(host, new Cached(a, System.nanoTime() / 1_000_000 + CACHE_MS));
                    callback.accept(a, null);
                } catch (UnknownHostException e) {
                    failures.increment();
                    callback.accept(null, e);
                }
            });
        } catch (RejectedExecutionException e) {
            failures.increment();
            callback.accept(null, new UnknownHostException("resolver overloaded, " + host + " not looked up"));
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
