package io.callops.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callops.api.EventType;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Subscriptions expire, end with expire 0, and are refreshed by subscribing again. */
@Timeout(60)
class EventSubscriptionLifecycleTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration QUIET = Duration.ofMillis(300);
    private static final EventType PING = new EventType("E_TEST_PING", List.of("n"));

    private EventProxy rig;
    private EventsMi mi;
    private EventBus bus;

    @BeforeEach
    void start() {
        rig = EventProxy.start(PING);
        mi = rig.mi;
        bus = rig.bus;
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private JsonNode subscribers() throws Exception {
        return mi.call("subscribers_list", Map.of("event", "E_TEST_PING")).path("result").path("Event").path("Subscribers");
    }

    @Test
    void aSubscriptionWithoutExpireLastsAnHourAndOneWithExpireEndsThen() throws Exception {
        try (UdpReceiver hour = new UdpReceiver(); UdpReceiver brief = new UdpReceiver()) {
            mi.subscribe("E_TEST_PING", hour.socketText());
            mi.subscribe("E_TEST_PING", brief.socketText(), 2);
            long subscribed = System.nanoTime();
            assertThat(mi.subscriber("E_TEST_PING", hour.socketText()).path("expire").asLong()).isBetween(3598L, 3600L);
            assertThat(mi.subscriber("E_TEST_PING", brief.socketText()).path("expire").asLong()).isBetween(1L, 2L);

            bus.raise(PING.of(1));
            assertThat(brief.next(WAIT)).contains("\"n\":1");
            assertThat(hour.next(WAIT)).contains("\"n\":1");

            // Past the expiry: raising skips it, whether or not the sweep ran.
            Thread.sleep(Math.max(0, 2100 - (System.nanoTime() - subscribed) / 1_000_000));
            bus.raise(PING.of(2));
            assertThat(hour.next(WAIT)).contains("\"n\":2");
            assertThat(brief.next(QUIET)).isNull();

            assertThat(Eventually.within(WAIT, () -> subscribers().size() == 1)).as("the sweep removed it").isTrue();
            assertThat(subscribers().get(0).path("socket").asText()).isEqualTo(hour.socketText());
            assertThat(mi.subscriber("E_TEST_PING", brief.socketText()).isMissingNode()).isTrue();
        }
    }

    @Test
    void expireZeroUnsubscribes() throws Exception {
        try (UdpReceiver udp = new UdpReceiver()) {
            mi.subscribe("E_TEST_PING", udp.socketText());
            assertThat(bus.wanted(PING)).isTrue();
            assertThat(mi.subscribe("E_TEST_PING", udp.socketText(), 0).path("result").asText()).isEqualTo("OK");
            assertThat(subscribers().size()).isZero();
            assertThat(bus.wanted(PING)).isFalse();
            bus.raise(PING.of(1));
            assertThat(udp.next(QUIET)).isNull();
            // Unsubscribing what is not subscribed is no error, as in the reference.
            assertThat(mi.subscribe("E_TEST_PING", udp.socketText(), 0).path("result").asText()).isEqualTo("OK");
            // With nobody listening, raise_event answers as the reference does.
            JsonNode r = mi.call("raise_event", Map.of("event", "E_TEST_PING"));
            assertThat(r.path("error").path("code").asInt()).isEqualTo(480);
            assertThat(r.path("error").path("message").asText()).isEqualTo("Temporarily Unavailable");
        }
    }

    @Test
    void subscribingAgainRefreshesTheSameSubscription() throws Exception {
        try (UdpReceiver udp = new UdpReceiver()) {
            mi.subscribe("E_TEST_PING", udp.socketText(), 3);
            long subscribed = System.nanoTime();
            bus.raise(PING.of(1));
            assertThat(udp.next(WAIT)).contains("\"n\":1");
            Thread.sleep(1000);
            assertThat(mi.subscriber("E_TEST_PING", udp.socketText()).path("expire").asLong()).isBetween(1L, 2L);
            // Spelled differently, the same socket: refreshed, not added; its counters go on.
            mi.subscribe("E_TEST_PING", udp.socketText().toUpperCase(Locale.ROOT), 60);
            assertThat(subscribers().size()).isEqualTo(1);
            assertThat(mi.subscriber("E_TEST_PING", udp.socketText()).path("expire").asLong()).isBetween(58L, 60L);

            Thread.sleep(Math.max(0, 3200 - (System.nanoTime() - subscribed) / 1_000_000)); // past the first expiry
            bus.raise(PING.of(7));
            assertThat(udp.next(WAIT)).contains("\"n\":7");
            assertThat(udp.next(QUIET)).as("one subscription, one datagram").isNull();
            assertThat(mi.subscriber("E_TEST_PING", udp.socketText()).path("delivered").asLong()).isEqualTo(2);
        }
    }
}
