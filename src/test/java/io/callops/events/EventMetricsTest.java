package io.callops.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callops.api.EventType;
import io.callops.testsupport.TestProxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Events raised, delivered and dropped, per event and transport, on /metrics and in get_statistics. */
@Timeout(60)
class EventMetricsTest {
    private static final EventType MEASURED = new EventType("E_TEST_MEASURED", List.of("n"));
    private static final EventType QUIET = new EventType("E_TEST_QUIET", List.of());

    private static String scrape(TestProxy proxy) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + proxy.miPort() + "/metrics")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    @Test
    void countersPerEventAndTransport() throws Exception {
        try (TestProxy proxy = TestProxy.start(Map.of("events.queue_size", 1)); UdpReceiver udp = new UdpReceiver()) {
            EventBus bus = proxy.server().events();
            bus.declare(MEASURED);
            bus.declare(QUIET);
            EventsMi mi = new EventsMi(proxy);
            mi.subscribe("E_TEST_MEASURED", udp.socketText());
            for (int i = 0; i < 3; i++) {
                bus.raise(MEASURED.of(i));
                assertThat(udp.next(Duration.ofSeconds(5))).isNotNull();
            }
            bus.raise(QUIET.of());
            // A listener that holds its thread: with a queue of one, the third event is dropped for it.
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch inHand = new CountDownLatch(1);
            bus.addListener(QUIET, e -> {
                inHand.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            });
            bus.raise(QUIET.of());
            assertThat(inHand.await(5, TimeUnit.SECONDS)).isTrue();
            bus.raise(QUIET.of()); // queued
            bus.raise(QUIET.of()); // dropped
            release.countDown();
            assertThat(Eventually.within(Duration.ofSeconds(5),
                    () -> scrape(proxy).contains("callops_events_delivered_total{event=\"E_TEST_QUIET\",transport=\"listener\"} 2.0")))
                    .isTrue();

            String metrics = scrape(proxy);
            assertThat(metrics)
                    .contains("callops_events_raised_total{event=\"E_TEST_MEASURED\"} 3.0")
                    .contains("callops_events_raised_total{event=\"E_TEST_QUIET\"} 4.0")
                    .contains("callops_events_delivered_total{event=\"E_TEST_MEASURED\",transport=\"udp\"} 3.0")
                    .contains("callops_events_dropped_total{event=\"E_TEST_MEASURED\",reason=\"queue_full\",transport=\"udp\"} 0.0")
                    .contains("callops_events_dropped_total{event=\"E_TEST_QUIET\",reason=\"queue_full\",transport=\"listener\"} 1.0")
                    .contains("callops_events_subscribers{event=\"E_TEST_MEASURED\"} 1.0")
                    .contains("callops_events_subscribers{event=\"E_TEST_QUIET\"} 0.0")
                    // only the transports an event has receivers on
                    .doesNotContain("callops_events_delivered_total{event=\"E_TEST_MEASURED\",transport=\"tcp\"}");

            JsonNode stats = mi.call("get_statistics", Map.of("statistics", List.of("events:"))).path("result");
            assertThat(stats.toString()).isEqualTo(
                    "{\"events:raised\":7,\"events:delivered\":5,\"events:dropped\":1,\"events:subscribers\":1}");
        }
    }
}
