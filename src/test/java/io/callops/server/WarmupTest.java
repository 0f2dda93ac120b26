package io.callops.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.callops.server.config.ConfigLoader;
import io.callops.server.config.ServerConfig;
import io.callops.testsupport.FreePorts;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warm-up: real calls through a throw-away instance that leaves the real one untouched. */
class WarmupTest {
    @TempDir
    Path dir;

    private ServerConfig config(int warmupCalls) {
        int port = FreePorts.udpAndTcp();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("listen", List.of("udp:127.0.0.1:" + port));
        o.put("mi.listen", "127.0.0.1:0");
        o.put("dialog.store.path", dir.resolve("dialogs.db").toString());
        o.put("sip.warmup_calls", warmupCalls);
        // Short timers, so that the warm-up instance is retired within the test.
        o.put("sip.t1_ms", 50);
        o.put("sip.t2_ms", 400);
        o.put("sip.t4_ms", 500);
        o.put("sip.timer_c_ms", 1000);
        o.put("dialog.linger_ms", 200);
        return ConfigLoader.load(null, o);
    }

    private List<String> warmupFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.contains("warmup")).toList();
        }
    }

    @Test
    void everyCallCompletesBeforeTheSocketsOpenAndNothingReachesTheRealInstance() throws Exception {
        AtomicReference<Warmup.Report> report = new AtomicReference<>();
        AtomicReference<Boolean> portFreeAfterWarmup = new AtomicReference<>();
        ServerConfig c = config(900);
        int port = c.listen().get(0).port();
        try (ProxyServer server = ProxyServer.start(c, s -> {
            report.set(Warmup.run(s));
            // No phone can have reached the real socket yet: it is not bound.
            try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
                portFreeAfterWarmup.set(true);
            } catch (SocketException e) {
                portFreeAfterWarmup.set(false);
            }
        })) {
            assertThat(portFreeAfterWarmup.get()).isTrue();
            assertThat(report.get().completed()).isEqualTo(900);
            assertThat(report.get().failed()).isZero();
            // The real instance saw none of it: no transaction, no dialog, nothing stored.
            assertThat(server.transactionStats().serverTransactions.sum()).isZero();
            assertThat(server.transactionStats().clientTransactions.sum()).isZero();
            assertThat(server.dialogStats().created.sum()).isZero();
            assertThat(server.dialogs().activeCount()).isZero();
            // Two rounds, each with its own store beside the real one, kept until retired.
            assertThat(warmupFiles()).contains("dialogs.db.warmup0", "dialogs.db.warmup1");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!warmupFiles().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(warmupFiles()).as("retired after its timers have run").isEmpty();
        }
    }

    @Test
    void aLongWarmupEndsWithBurstsAfterTheCompilerHasCaughtUp() {
        AtomicReference<Warmup.Report> report = new AtomicReference<>();
        try (ProxyServer server = ProxyServer.start(config(5000), s -> report.set(Warmup.run(s)))) {
            Warmup.Report r = report.get();
            assertThat(r.calls()).isEqualTo(5000);
            assertThat(r.bursts()).isBetween(1, 8);
            assertThat(r.failed()).isZero();
            assertThat(r.completed()).isEqualTo(5000 + 1100L * r.bursts());
            assertThat(server.transactionStats().serverTransactions.sum()).isZero();
        }
    }

    @Test
    void aShortWarmupPlacesItsCallsWithoutBursts() {
        AtomicReference<Warmup.Report> report = new AtomicReference<>();
        try (ProxyServer server = ProxyServer.start(config(300), s -> report.set(Warmup.run(s)))) {
            assertThat(report.get().bursts()).isZero();
            assertThat(report.get().completed()).isEqualTo(300);
        }
    }

    @Test
    void stoppingTheProxyBeforeRetirementClosesTheWarmupInstanceToo() throws Exception {
        ServerConfig c = config(200);
        ProxyServer server = ProxyServer.start(c, Warmup::run);
        assertThat(warmupFiles()).isNotEmpty();
        server.close();
        assertThat(warmupFiles()).isEmpty();
    }

    @Test
    void zeroCallsIsNoWarmup() {
        ServerConfig c = config(0);
        try (ProxyServer server = ProxyServer.start(c, s -> assertThat(Warmup.run(s).calls()).isZero())) {
            assertThat(server.transport().listenAddresses()).hasSize(1);
        }
        assertThat(dir.resolve("dialogs.db.warmup0")).doesNotExist();
    }

    @Test
    void theWarmupStoreWritesOftenEnoughToFindCallsInProgressButNeverWaitsWhenTheRealOneDoesNot() throws Exception {
        for (long[] realAndWarmup : new long[][] {{1000, 20}, {5, 5}, {0, 0}}) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("dialog.store.flush_delay_ms", realAndWarmup[0]);
            ServerConfig real = ConfigLoader.load(null, o);
            try (WarmupPhone phone = new WarmupPhone(new InetSocketAddress("127.0.0.1", 9), 1)) {
                ServerConfig warm = Warmup.warmupConfig(real, phone, dir.resolve("w.db"));
                assertThat(warm.dialog().store().flushDelayMs()).as("real %d ms", realAndWarmup[0])
                        .isEqualTo(realAndWarmup[1]);
            }
        }
    }
}
