package io.callops.proxy.registrar;

import io.callops.sip.SipResponse;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.callops.proxy.registrar.RegisterMessages.UDP_FLOW;
import static io.callops.proxy.registrar.RegisterMessages.register;
import static org.assertj.core.api.Assertions.assertThat;

class LocationServiceConcurrencyTest {

    private static final int THREADS = 4;
    private static final int AORS_PER_THREAD = 1_000;
    private static final String SHARED = "sip:shared@example.com";

    @Test
    void concurrentRegistersAndLookupsLoseNothing() throws Exception {
        LocationService location = new LocationService(() -> 1_000_000L, 10);
        Registrar registrar = new Registrar(new RegistrarSettings(60, 7200, 3600, 10), location, Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    int failures = 0;
                    // Every thread also writes to one shared AOR, so compute() really contends.
                    SipResponse shared = registrar.handle(register(SHARED, "shared-" + thread, 1,
                            "Contact: <sip:t" + thread + "@192.0.2.1>"), UDP_FLOW);
                    failures += shared.statusCode() == 200 ? 0 : 1;
                    for (int i = 0; i < AORS_PER_THREAD; i++) {
                        String aor = "sip:u" + thread + "-" + i + "@example.com";
                        SipResponse r = registrar.handle(register(aor, "c" + thread + "-" + i, 1,
                                "Contact: <sip:u@192.0.2." + (thread + 1) + ":" + (5000 + i) + ">"), UDP_FLOW);
                        failures += r.statusCode() == 200 ? 0 : 1;
                        failures += location.lookup(aor).size() == 1 ? 0 : 1;
                        // Read another thread's AORs while they are being written.
                        location.lookup("sip:u" + ((thread + 1) % THREADS) + "-" + i + "@example.com");
                        location.lookup(SHARED);
                    }
                    return failures;
                }));
            }
            start.countDown();
            for (Future<Integer> f : results) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isZero();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(location.aorCount()).isEqualTo(THREADS * AORS_PER_THREAD + 1);
        assertThat(location.bindingCount()).isEqualTo(THREADS * AORS_PER_THREAD + THREADS);
        assertThat(location.lookup(SHARED)).hasSize(THREADS);
        for (int t = 0; t < THREADS; t++) {
            for (int i = 0; i < AORS_PER_THREAD; i++) {
                assertThat(location.lookup("sip:u" + t + "-" + i + "@example.com"))
                        .singleElement()
                        .satisfies(b -> assertThat(b.contactUri().toString()).startsWith("sip:u@192.0.2."));
            }
        }
    }
}
