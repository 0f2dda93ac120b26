package io.callops.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.callops.api.EventType;
import io.callops.testsupport.TestProxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which HTTP failures are tried again, how often, and after how long. */
@Timeout(60)
class EventHttpRetryTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final EventType PING = new EventType("E_TEST_PING", List.of("n"));

    private static void subscribeAndRaise(TestProxy proxy, HttpReceiver http) throws Exception {
        proxy.server().events().declare(PING);
        new EventsMi(proxy).subscribe("E_TEST_PING", http.url());
        proxy.server().events().raise(PING.of(1));
    }

    @Test
    void serverErrorsAreTriedAgainUntilTheyPass() throws Exception {
        try (TestProxy proxy = TestProxy.start(Map.of("events.http_retries", 2)); HttpReceiver http = HttpReceiver.answering(503, 429)) {
            subscribeAndRaise(proxy, http);
            String body = "{\"jsonrpc\":\"2.0\",\"method\":\"E_TEST_PING\",\"params\":{\"n\":1}}";
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThat(http.next(WAIT).body()).isEqualTo(body);
            }
            EventsMi mi = new EventsMi(proxy);
            assertThat(Eventually.within(WAIT, () -> mi.subscriber("E_TEST_PING", http.url()).path("delivered").asLong() == 1))
                    .isTrue();
            assertThat(mi.subscriber("E_TEST_PING", http.url()).path("drops").asLong()).isZero();
        }
    }

    @Test
    void retriesAreBoundedAndOtherAnswersAreFinal() throws Exception {
        try (TestProxy proxy = TestProxy.start(Map.of("events.http_retries", 1));
             HttpReceiver http = HttpReceiver.answering(500, 500, 404)) {
            subscribeAndRaise(proxy, http);
            proxy.server().events().raise(PING.of(2));
            EventsMi mi = new EventsMi(proxy);
            assertThat(Eventually.within(WAIT, () -> mi.subscriber("E_TEST_PING", http.url()).path("drops").asLong() == 2))
                    .isTrue();
            // Event 1: 500, then one retry: 500. Event 2: 404, not tried again.
            assertThat(List.of(http.next(WAIT).body(), http.next(WAIT).body(), http.next(WAIT).body()))
                    .extracting(b -> MiJson.read(b).path("params").path("n").asInt()).containsExactly(1, 1, 2);
            assertThat(http.next(Duration.ofMillis(300))).isNull();
            assertThat(mi.subscriber("E_TEST_PING", http.url()).path("delivered").asLong()).isZero();
        }
    }

    @Test
    void backoffDoublesFromAHundredMillisecondsUpToFiveSeconds() {
        assertThat(List.of(0, 1, 2, 3, 5, 6, 30, 1000)).extracting(HttpDelivery::backoffMs)
                .containsExactly(100L, 200L, 400L, 800L, 3200L, 5000L, 5000L, 5000L);
    }
}
