package io.callops.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callops.api.Event;
import io.callops.api.EventType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The bus on its own: declarations, listeners, ordering, and raising that never blocks nor throws. */
@Timeout(30)
class EventBusTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final EventType HOLD = new EventType("E_CALL_HOLD", List.of("callid", "leg", "action", "state"));

    private final ManualClock clock = new ManualClock();
    private EventBus bus = new EventBus(EventSettings.DEFAULT, clock);

    @AfterEach
    void close() {
        bus.close();
    }

    /** A wall clock the test moves by hand. */
    static final class ManualClock extends Clock {
        final AtomicLong millis = new AtomicLong(1_700_000_000_000L);

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }

    @Test
    void listenersGetEveryEventInOrderOnADeliveryThread() throws Exception {
        List<Event> got = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        bus.addListener(HOLD, e -> {
            got.add(e);
            threads.add(Thread.currentThread().getName());
        });
        List<Event> raised = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Event e = HOLD.of("call-" + i, "caller", "hold", "start");
            raised.add(e);
            bus.raise(e);
        }
        assertThat(Eventually.within(WAIT, () -> got.size() == 500)).isTrue();
        assertThat(got).containsExactlyElementsOf(raised);
        assertThat(threads).allMatch(t -> t.startsWith("events-delivery"));
    }

    @Test
    void eventsFromManyThreadsKeepEachThreadsOrder() throws Exception {
        List<Event> got = new CopyOnWriteArrayList<>();
        bus.addListener(HOLD, got::add);
        int threads = 4;
        int each = 1000;
        List<Thread> raisers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String leg = "t" + t;
            Thread th = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    bus.raise(new Event(HOLD, Arrays.asList("c", leg, "hold", null), null).forCall("c"));
                    bus.raise(new Event(HOLD, List.of("c", leg, "hold", String.valueOf(i)), null));
                }
            });
            raisers.add(th);
            th.start();
        }
        for (Thread th : raisers) {
            th.join();
        }
        assertThat(Eventually.within(WAIT, () -> got.size() == threads * each * 2)).isTrue();
        for (int t = 0; t < threads; t++) {
            String leg = "t" + t;
            List<Object> states = got.stream().filter(e -> e.values().get(1).equals(leg) && e.values().get(3) != null)
                    .map(e -> e.values().get(3)).toList();
            assertThat(states).containsExactlyElementsOf(
                    IntStream.range(0, each).mapToObj(String::valueOf).toList());
        }
    }

    @Test
    void wantedOnlyWhileSomeoneListens() {
        assertThat(bus.wanted(HOLD)).as("not even declared").isFalse();
        bus.declare(HOLD);
        assertThat(bus.wanted(HOLD)).isFalse();
        ListenerRegistration r = bus.addListener(HOLD, e -> { });
        assertThat(bus.wanted(HOLD)).isTrue();
        r.close();
        assertThat(bus.wanted(HOLD)).isFalse();
    }

    @Test
    void declaringTwiceIsHarmlessButNotWithOtherParameters() {
        bus.declare(HOLD);
        bus.declare(new EventType("E_CALL_HOLD", List.of("callid", "leg", "action", "state")));
        assertThatThrownBy(() -> bus.declare(new EventType("E_CALL_HOLD", List.of("callid"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("E_CALL_HOLD");
        assertThat(bus.events()).extracting(EventView::name).containsExactly("E_CALL_HOLD");
    }

    @Test
    void raisingNeverThrowsNorBlocks() throws Exception {
        // Undeclared, declared with other parameters, null: counted or ignored, never thrown at the caller.
        bus.raise(new EventType("E_NOBODY", List.of()).of());
        bus.declare(HOLD);
        bus.raise(new EventType("E_CALL_HOLD", List.of("x")).of("1"));
        bus.raise(null);
        assertThat(bus.undeclaredRaised()).isEqualTo(2);

        // A listener that throws, and one that blocks with a queue of 10: the raiser notices neither.
        bus.close();
        bus = new EventBus(EventSettings.DEFAULT.withQueueSize(10), clock);
        CountDownLatch release = new CountDownLatch(1);
        bus.addListener(HOLD, e -> {
            throw new IllegalStateException("listener bug");
        });
        bus.addListener(HOLD, e -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        });
        long t0 = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            bus.raise(HOLD.of("c", "caller", "hold", "start"));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        release.countDown();
        // Every event reached each listener or was counted as dropped for it: the throwing one
        // drops all, the blocked one got the one in hand and its queue of 10 once released.
        assertThat(Eventually.within(WAIT, () -> stat("events:dropped") + stat("events:delivered") == 2 * 10_000))
                .as("dropped %d, delivered %d", stat("events:dropped"), stat("events:delivered")).isTrue();
        assertThat(stat("events:delivered")).isBetween(10L, 11L);
        assertThat(bus.statistics().get("events:raised").getAsLong()).isEqualTo(10_000);
    }

    private long stat(String name) {
        return bus.statistics().get(name).getAsLong();
    }

    @Test
    void anExpiredSubscriptionGetsNothingEvenBeforeTheSweep() throws Exception {
        bus.declare(HOLD);
        try (UdpReceiver udp = new UdpReceiver()) {
            bus.subscribe("E_CALL_HOLD", udp.socketText(), 10).toCompletableFuture().get(5, TimeUnit.SECONDS);
            bus.raise(HOLD.of("c1", "caller", "hold", "start"));
            assertThat(udp.next(WAIT)).contains("\"c1\"");
            clock.millis.addAndGet(10_000); // no sweep runs: the bus was never started
            assertThat(bus.wanted(HOLD)).as("still listed until the sweep").isTrue();
            bus.raise(HOLD.of("c2", "caller", "hold", "start"));
            assertThat(udp.next(Duration.ofMillis(300))).isNull();
            assertThat(bus.event("E_CALL_HOLD").orElseThrow().subscribers().get(0).expireSeconds()).isZero();
        }
    }

    @Test
    void closeLetsQueuedEventsGoOutFirst() {
        List<Event> got = new CopyOnWriteArrayList<>();
        bus.addListener(HOLD, got::add);
        for (int i = 0; i < 1000; i++) {
            bus.raise(HOLD.of("c" + i, "caller", "hold", "start"));
        }
        bus.close();
        assertThat(got).hasSize(1000);
        bus.raise(HOLD.of("late", "caller", "hold", "start")); // after close: ignored, not thrown
        assertThat(got).hasSize(1000);
    }

    @Test
    void subscribeRejectsUnknownEventsAndBadSockets() {
        bus.declare(HOLD);
        assertThat(bus.subscribe("E_NOPE", "udp:127.0.0.1:9", 60).toCompletableFuture())
                .failsWithin(WAIT).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(SubscriptionRejectedException.class).withMessageContaining("E_NOPE");
        assertThat(bus.subscribe("E_CALL_HOLD", "udp:nowhere", 60).toCompletableFuture())
                .failsWithin(WAIT).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(SubscriptionRejectedException.class).withMessageContaining("udp:nowhere");
        assertThat(bus.events().get(0).subscribers()).isEmpty();
    }
}
