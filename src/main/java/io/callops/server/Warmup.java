package io.callops.server;

import io.callops.server.config.ConfigLoader;
import io.callops.server.config.ServerConfig;
import io.callops.server.config.StoreType;
import io.callops.server.logging.LoggingSetup;
import io.callops.transport.ListenAddress;
import io.callops.transport.TransportType;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs calls over loopback through a throw-away proxy instance before the real one opens its
 * sockets. A fresh JVM interprets the SIP path for its first few thousand calls and spends
 * seconds of CPU compiling it; under load that makes replies late, phones retransmit, and
 * calls fail in the first seconds after every restart. The warm-up pays that cost before any
 * phone is waiting. The instance shares no state with the real one: its own loopback port,
 * a temporary store, no management interface, no subscribers.
 */
public final class Warmup {
    private static final Logger log = LoggerFactory.getLogger(Warmup.class);

    /** Request-URI user prefix the warm-up instance routes to the warm-up callee. */
    static final String ROUTE_PREFIX = "warmup";
    /** Calls in progress at once: enough to keep every worker busy, few enough for tiny buffers. */
    private static final int WINDOW = 64;
    /**
     * After the calls, bursts of calls, each once the compiler has caught up (see
     * {@link #settle}). A burst is more than the 1,024 invocations after which profiled code asks
     * the JIT again whether to optimise it. Bursts stop when one kept the compiler busy for less
     * than {@link #SETTLED_COMPILE_MS}, after {@link #MAX_BURSTS}, or at the time limit.
     */
    private static final int BURST_CALLS = 1100;
    private static final int MAX_BURSTS = 8;
    private static final long SETTLED_COMPILE_MS = 100;
    /** The warm-up store's round interval at most (see {@link #warmupConfig}). */
    private static final long WARMUP_FLUSH_DELAY_MS = 20;
    /** Shorter warm-ups (tests, tiny machines) place their calls and stop. */
    private static final int MIN_CALLS_FOR_BURSTS = 5000;
    /** Enough sockets that the kernel's choice by address reaches every I/O thread (see WarmupPhone). */
    private static final int CALLER_SOCKETS_PER_WORKER = 8;
    private static final int MAX_CALLER_SOCKETS = 256;
    /** However slow the machine, the start is not held longer than this. */
    private static final long TIME_LIMIT_NANOS = 60_000_000_000L;

    /**
     * What a warm-up did: {@code calls} is what was asked, {@code bursts} the bursts of
     * {@link #BURST_CALLS} placed after them; {@code completed} and {@code failed} count both.
     */
    public record Report(long calls, int bursts, long completed, long failed, long millis) {}

    private Warmup() {}

    /**
     * Runs {@code config.sip().warmupCalls()} calls through a throw-away instance on the I/O
     * threads and workers of {@code real}, before {@code real} binds its sockets; a warm-up
     * that cannot run is logged and skipped.
     */
    public static Report run(ProxyServer real) {
        ServerConfig config = real.config();
        int calls = config.sip().warmupCalls();
        if (calls == 0) {
            return new Report(0, 0, 0, 0, 0);
        }
        String busy = firstBusyListenAddress(config);
        if (busy != null) {
            // The start is about to fail on it: say so now, not after the warm-up.
            log.warn("warm-up skipped: {} is in use", busy);
            return new Report(0, 0, 0, 0, 0);
        }
        long t0 = System.nanoTime();
        loadLateSubclasses();
        Report r;
        try (LoggingSetup.Restore quiet = LoggingSetup.quietened()) {
            r = runCalls(real, calls, t0);
            awaitCompilerIdle(t0 + TIME_LIMIT_NANOS);
        } catch (RuntimeException | IOException e) {
            log.warn("warm-up skipped: {}", e.toString());
            return new Report(calls, 0, 0, calls, (System.nanoTime() - t0) / 1_000_000);
        }
        log.info("warm-up: {} loopback calls{} in {} ms ({} completed, {} failed)", r.calls(),
                r.bursts() == 0 ? "" : ", then " + r.bursts() + " bursts of " + BURST_CALLS, r.millis(),
                r.completed(), r.failed());
        return r;
    }

    /**
     * The calls run in two rounds on two instances: the second instance's sockets are bound
     * while the code of the first round is already compiled, so the compiler also learns the
     * paths of binding a socket (the real instance binds its own right after).
     */
    private static Report runCalls(ProxyServer real, int calls, long t0) throws IOException {
        long completed = 0;
        long failed = 0;
        int bursts = 0;
        int firstRound = calls / 2;
        for (int round = 0; round < 2; round++) {
            boolean last = round == 1;
            int n = last ? calls - firstRound : firstRound;
            RoundResult r = runRound(real, round, n, last && calls >= MIN_CALLS_FOR_BURSTS, t0);
            completed += r.phone().completed();
            failed += r.phone().failed();
            bursts += r.bursts();
        }
        return new Report(calls, bursts, completed, failed, (System.nanoTime() - t0) / 1_000_000);
    }

    private record RoundResult(WarmupPhone phone, int bursts) {}

    private static RoundResult runRound(ProxyServer real, int round, int calls, boolean settle, long t0)
            throws IOException {
        ServerConfig config = real.config();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        Path store = warmupStorePath(config, round);
        try (WarmupPhone phone = new WarmupPhone(new InetSocketAddress(loopback, freeUdpPort(loopback)),
                Math.min(MAX_CALLER_SOCKETS, CALLER_SOCKETS_PER_WORKER * config.sip().effectiveWorkers()))) {
            ProxyServer server = ProxyServer.startSipOnly(warmupConfig(config, phone, store), real);
            int bursts;
            try {
                long deadline = t0 + TIME_LIMIT_NANOS;
                phone.run(calls, WINDOW, deadline);
                bursts = settle ? settle(phone, deadline) : 0;
            } catch (IOException | RuntimeException e) {
                server.close();
                throw e;
            }
            // Closing it now would run, on the shared threads, shutdown paths the real calls
            // never take, and the compiler would throw away code it has just made for them.
            real.retire(server, retirementMs(config), () -> deleteStore(store));
            return new RoundResult(phone, bursts);
        }
    }

    /**
     * Bursts of calls, each after the compiler's queue has drained; returns how many ran.
     *
     * <p>The JIT raises its thresholds for optimising while that queue is long, as it is during
     * most of the warm-up. A method that runs once per call is then left with its first,
     * profiling code, and is only reconsidered when it runs again: without the bursts, under the
     * first real calls, whose first seconds then cost several times their usual CPU. Each burst
     * lets the compiler take the methods it would have taken with an empty queue, until one
     * gives it little left to do.
     */
    private static int settle(WarmupPhone phone, long deadline) throws IOException {
        int bursts = 0;
        while (bursts < MAX_BURSTS && System.nanoTime() < deadline) {
            awaitCompilerIdle(deadline);
            long before = CompilerActivity.millis();
            phone.run(BURST_CALLS, WINDOW, deadline);
            bursts++;
            long after = CompilerActivity.millis();
            if (before < 0 || after - before < SETTLED_COMPILE_MS) {
                break;
            }
        }
        return bursts;
    }

    /**
     * The compiler works through a queue; what the warm-up queued is compiled now rather than
     * on the cores the first real calls need. Bounded by the warm-up's time limit.
     */
    private static void awaitCompilerIdle(long deadlineNanos) {
        long last = CompilerActivity.millis();
        if (last < 0) {
            return;
        }
        int quiet = 0;
        while (quiet < 3 && System.nanoTime() < deadlineNanos) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = CompilerActivity.millis();
            // One clock tick of slack: a compiler thread also wakes up now and then with nothing to do.
            quiet = now >= last && now - last <= CompilerActivity.TICK_MS ? quiet + 1 : 0;
            last = now;
        }
    }

    /**
     * Loads subclasses of hot JDK types that Netty only loads on read paths the warm-up does not
     * take. The compiler treats a class without subclasses as final; the first load of a
     * subclass (here of {@link java.util.ArrayList}, about a second into real load) throws away
     * every compiled method that relied on that, and the SIP path is compiled again under load.
     */
    private static void loadLateSubclasses() {
        io.netty.util.internal.RecyclableArrayList.newInstance().recycle();
    }

    /** Long enough for every timer the warm-up calls may have left to have fired. */
    private static long retirementMs(ServerConfig c) {
        long t1 = c.sip().t1Ms();
        return Math.max(Math.max(64 * t1, c.sip().t4Ms()), Math.max(c.dialog().lingerMs(), c.sip().timerCMs())) + 5000;
    }

    /** Beside the real store, so no temporary directory outlives a killed process; replaced at every start. */
    private static Path warmupStorePath(ServerConfig c, int round) {
        Path real = c.dialog().store().path().toAbsolutePath();
        Path p = real.resolveSibling(real.getFileName() + ".warmup" + round);
        deleteStore(p);
        return p;
    }

    private static void deleteStore(Path p) {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            try {
                Files.deleteIfExists(Path.of(p + suffix));
            } catch (IOException e) {
                log.warn("warm-up store {} not removed: {}", p, e.toString());
            }
        }
    }

    /** The real configuration's SIP and dialog tuning, on loopback, with a temporary store. */
    static ServerConfig warmupConfig(ServerConfig real, WarmupPhone phone, Path store) {
        String host = InetAddress.getLoopbackAddress().getHostAddress();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("listen", List.of("udp:" + host + ":" + phone.proxyPort()));
        o.put("routes", Map.of(ROUTE_PREFIX, "sip:" + host + ":" + phone.port()));
        o.put("sip.workers", real.sip().workers());
        o.put("sip.t1_ms", real.sip().t1Ms());
        o.put("sip.t2_ms", Math.max(real.sip().t1Ms(), real.sip().t2Ms()));
        o.put("sip.record_route", true);
        o.put("sip.warmup_calls", 0);
        o.put("dialog.store.type", real.dialog().store().type() == StoreType.NONE ? "none" : "sqlite");
        o.put("dialog.store.path", store.toString());
        // Warm-up calls last milliseconds: with the real delay, a round would find almost
        // every one ended, and the encoding and writing of dialogs would first be compiled
        // under real load. Short rounds catch calls in progress. Zero stays zero: whether the
        // writer waits is a branch compiled code must have seen taken the real way.
        long realDelay = real.dialog().store().flushDelayMs();
        o.put("dialog.store.flush_delay_ms", Math.min(realDelay, WARMUP_FLUSH_DELAY_MS));
        o.put("callops.secret", "warmup-" + System.nanoTime());
        return ConfigLoader.load(null, o);
    }

    /** The first listen address another socket holds, or null (port 0 is always free). */
    private static String firstBusyListenAddress(ServerConfig config) {
        for (ListenAddress la : config.listen()) {
            if (la.port() == 0) {
                continue;
            }
            try (java.io.Closeable probe = la.transport() == TransportType.UDP
                    ? new DatagramSocket(la.address()) : new java.net.ServerSocket(la.port(), 1, la.address().getAddress())) {
                // free
            } catch (IOException e) {
                return la.toString();
            }
        }
        return null;
    }

    /** A port the kernel just handed out; the proxy binds it right after. */
    private static int freeUdpPort(InetAddress host) throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(host, 0))) {
            return s.getLocalPort();
        }
    }
}
