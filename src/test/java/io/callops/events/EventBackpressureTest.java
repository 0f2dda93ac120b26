package io.callops.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callops.api.EventType;
import io.callops.testsupport.TestProxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A subscriber that stops taking events costs the raising thread nothing: its queue fills, the
 * events beyond it are dropped and counted for it alone, and the others keep receiving.
 */
@Timeout(60)
class EventBackpressureTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final EventType BIG = new EventType("E_TEST_BIG", List.of("seq", "blob"));
    private static final String BLOB = "x".repeat(16 * 1024);

    @Test
    void aTcpSubscriberThatNeverReadsDoesNotSlowRaisingAndShowsDrops() throws Exception {
        int events = 2000;
        try (TestProxy proxy = TestProxy.start(Map.of("events.queue_size", 100));
             TcpReceiver stuck = TcpReceiver.neverReading()) {
            EventsMi mi = new EventsMi(proxy);
            EventBus bus = proxy.server().events();
            List<Object> seen = new CopyOnWriteArrayList<>();
            bus.addListener(BIG, e -> seen.add(e.values().get(0)));
            mi.subscribe("E_TEST_BIG", stuck.socketText());

            long raisingNanos = 0;
            for (int i = 0; i < events; i++) {
                long t0 = System.nanoTime();
                bus.raise(BIG.of(i, BLOB));
                raisingNanos += System.nanoTime() - t0;
                if (i % 50 == 49) {
                    Thread.sleep(5); // paced, so that the healthy listener keeps up with its queue of 100
                }
            }
            // Two thousand raises that each only queue an event; blocking on the socket would take forever.
            assertThat(Duration.ofNanos(raisingNanos)).isLessThan(Duration.ofSeconds(2));

            // The listener shares the delivery threads with the stuck subscriber and is not held up by it.
            bus.raise(BIG.of(-1, "last"));
            assertThat(Eventually.within(WAIT, () -> seen.contains(-1))).as("the listener got the last event").isTrue();
            List<Object> inOrder = seen.subList(0, seen.size() - 1);
            assertThat(inOrder).isNotEmpty().isSortedAccordingTo((a, b) -> Integer.compare((int) a, (int) b));

            // The network holds a few hundred 16 KB events at most, the queue 100 and the stuck write
            // one more: every other event is dropped.
            assertThat(Eventually.within(WAIT, () -> {
                JsonNode sub = mi.subscriber("E_TEST_BIG", stuck.socketText());
                return sub.path("delivered").asLong() + sub.path("drops").asLong() == events + 1 - 101;
            })).isTrue();
            JsonNode sub = mi.subscriber("E_TEST_BIG", stuck.socketText());
            assertThat(sub.path("delivered").asLong()).isLessThan(events / 2);
            assertThat(sub.path("drops").asLong()).isGreaterThan(events / 2);
            assertThat(stuck.connections()).isEqualTo(1);
        }
    }

    @Test
    void anHttpSubscriberThatNeverAnswersDoesNotSlowRaisingAndShowsDrops() throws Exception {
        int events = 50;
        try (TestProxy proxy = TestProxy.start(Map.of("events.queue_size", 5, "events.http_timeout_ms", 100,
                "events.http_retries", 1));
             HttpReceiver stuck = HttpReceiver.neverAnswering(); UdpReceiver healthy = new UdpReceiver()) {
            EventsMi mi = new EventsMi(proxy);
            EventBus bus = proxy.server().events();
            bus.declare(BIG);
            mi.subscribe("E_TEST_BIG", stuck.url());
            mi.subscribe("E_TEST_BIG", healthy.socketText());

            long t0 = System.nanoTime();
            for (int i = 0; i < events; i++) {
                bus.raise(BIG.of(i, "small"));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));

            for (int i = 0; i < 5; i++) { // the healthy one is not held up (its queue of 5 may drop the rest)
                assertThat(healthy.next(WAIT)).isNotNull();
            }
            // One POST in flight, five queued, the other 44 dropped at once; then each queued one
            // times out twice (timeout 100 ms, one retry) and is dropped as well.
            assertThat(Eventually.within(WAIT, () -> mi.subscriber("E_TEST_BIG", stuck.url()).path("drops").asLong() == events))
                    .as(() -> "drops reach " + events + ": " + stuck.url()).isTrue();
            assertThat(mi.subscriber("E_TEST_BIG", stuck.url()).path("delivered").asLong()).isZero();
            assertThat(stuck.next(WAIT)).as("the POSTs did arrive, they were never answered").isNotNull();
        }
    }
}
