package io.callops.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.callops.api.EventType;
import io.callops.testsupport.TestProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Subscriptions outlive a restart in the SQLite store and only then. */
@Timeout(60)
class EventPersistenceTest {
    private static final EventType PING = new EventType("E_TEST_PING", List.of("n"));

    @TempDir
    Path dir;

    private static Map<String, Object> sqlite(Path file) {
        return Map.of("dialog.store.type", "sqlite", "dialog.store.path", file.toString());
    }

    private static JsonNode subscribers(EventsMi mi) throws Exception {
        return mi.call("subscribers_list", Map.of("event", "E_TEST_PING")).path("result").path("Event").path("Subscribers");
    }

    @Test
    void subscriptionsSurviveAStopAndStartWithTheSameStoreFile() throws Exception {
        Path file = dir.resolve("not/yet/there/dialogs.db");
        try (UdpReceiver kept = new UdpReceiver(); UdpReceiver brief = new UdpReceiver();
             UdpReceiver removed = new UdpReceiver()) {
            try (TestProxy first = TestProxy.start(sqlite(file))) {
                first.server().events().declare(PING);
                EventsMi mi = new EventsMi(first);
                mi.subscribe("E_TEST_PING", kept.socketText(), 600);
                mi.subscribe("E_TEST_PING", brief.socketText(), 1);
                mi.subscribe("E_TEST_PING", removed.socketText());
                mi.subscribe("E_TEST_PING", removed.socketText(), 0);
                assertThat(subscribers(mi).size()).isEqualTo(2);
            }
            assertThat(file).exists();
            Thread.sleep(1100); // the brief one ends while the proxy is down

            try (TestProxy second = TestProxy.start(sqlite(file))) {
                EventsMi mi = new EventsMi(second);
                // The layers declare their events after the store was read: the subscription waited for it.
                second.server().events().declare(PING);
                JsonNode subs = subscribers(mi);
                assertThat(subs.size()).as(subs.toString()).isEqualTo(1);
                assertThat(subs.get(0).path("socket").asText()).isEqualTo(kept.socketText());
                assertThat(subs.get(0).path("expire").asLong()).isBetween(590L, 599L);

                second.server().events().raise(PING.of(1));
                assertThat(kept.next(Duration.ofSeconds(5))).isEqualTo(
                        "{\"jsonrpc\":\"2.0\",\"method\":\"E_TEST_PING\",\"params\":{\"n\":1}}");
                assertThat(brief.next(Duration.ofMillis(200))).isNull();
                assertThat(removed.next(Duration.ofMillis(200))).isNull();
            }
        }
    }

    @Test
    void theNoneStoreKeepsNothingAcrossARestart() throws Exception {
        try (UdpReceiver udp = new UdpReceiver()) {
            try (TestProxy first = TestProxy.start(Map.of("dialog.store.type", "none"))) {
                first.server().events().declare(PING);
                new EventsMi(first).subscribe("E_TEST_PING", udp.socketText());
                assertThat(first.server().events().wanted(PING)).isTrue();
            }
            try (TestProxy second = TestProxy.start(Map.of("dialog.store.type", "none"))) {
                second.server().events().declare(PING);
                assertThat(subscribers(new EventsMi(second)).size()).isZero();
                assertThat(second.server().events().wanted(PING)).isFalse();
            }
        }
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aStoreFileThatCannotBeOpenedStopsTheStart() throws Exception {
        Path garbage = dir.resolve("garbage.db");
        Files.writeString(garbage, "this is not an SQLite database\n".repeat(200));
        assertThatThrownBy(() -> TestProxy.start(sqlite(garbage)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("dialog.store.path: ").hasMessageContaining(garbage.toString());

        // A directory that cannot be made: the start stops too, naming where (whichever file is tried first).
        Path underAFile = garbage.resolve("dialogs.db");
        assertThatThrownBy(() -> TestProxy.start(sqlite(underAFile)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(garbage.toString());
    }
}
