package io.callops.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callops.api.EventType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The results and every error of the event MI commands, as OpenSIPS answers them. */
@Timeout(60)
class EventCommandsTest {
    private static final EventType A = new EventType("E_TEST_A", List.of("x", "y"));
    private static final EventType B = new EventType("E_TEST_B", List.of());

    private EventProxy rig;
    private EventsMi mi;
    private UdpReceiver udp;

    @BeforeEach
    void start() throws Exception {
        rig = EventProxy.start(A, B);
        mi = rig.mi;
        udp = new UdpReceiver();
    }

    @AfterEach
    void stop() {
        udp.close();
        rig.close();
    }

    private static void assertError(JsonNode answer, int code, String message) {
        assertThat(answer.path("error").path("code").asInt()).as(answer.toString()).isEqualTo(code);
        assertThat(answer.path("error").path("message").asText()).as(answer.toString()).isEqualTo(message);
    }

    private static String invalidParams(JsonNode answer) {
        assertError(answer, -32602, "Invalid params");
        return answer.path("error").path("data").asText();
    }

    /** The id of a declared event, as events_list gives it. */
    private int idOf(String name) throws Exception {
        for (JsonNode e : mi.call("events_list", null).path("result").path("Events")) {
            if (e.path("name").asText().equals(name)) {
                return e.path("id").asInt();
            }
        }
        throw new AssertionError(name + " not listed");
    }

    @Test
    void eventsListNumbersTheEventsInDeclarationOrder() throws Exception {
        for (String name : List.of("events_list", "evi:list")) {
            JsonNode events = mi.call(name, null).path("result").path("Events");
            List<String> names = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                assertThat(events.get(i).path("id").asInt()).isEqualTo(i);
                assertThat(events.get(i).size()).as("name and id only").isEqualTo(2);
                names.add(events.get(i).path("name").asText());
            }
            // The server's own events first, then the two this test declared after the start.
            assertThat(names).startsWith("E_DLG_STATE_CHANGED", "E_CALL_TRANSFER", "E_CALL_HOLD")
                    .endsWith("E_TEST_A", "E_TEST_B");
        }
    }

    @Test
    void subscribersListInTheThreeShapes() throws Exception {
        assertThat(mi.call("evi:subscribe", Map.of("event", "E_TEST_A", "socket", udp.socketText())).path("result").asText())
                .isEqualTo("OK");
        String subscriber = "{\"socket\":\"" + udp.socketText() + "\",\"expire\":3600,\"drops\":0,\"delivered\":0}";
        String a = "\"name\":\"E_TEST_A\",\"id\":" + idOf("E_TEST_A");
        assertThat(shown(mi.call("subscribers_list", null))).isEqualTo(
                "{\"Events\":[{" + a + ",\"Subscribers\":[" + subscriber + "]}]}");
        assertThat(shown(mi.call("evi:subscribers_list", Map.of("event", "E_TEST_A")))).isEqualTo(
                "{\"Event\":{" + a + ",\"Subscribers\":[" + subscriber + "]}}");
        assertThat(shown(mi.call("subscribers_list", Map.of("event", "E_TEST_A", "socket", udp.socketText()))))
                .isEqualTo("{\"Event\":{" + a + ",\"Subscriber\":" + subscriber + "}}");
        assertThat(mi.call("subscribers_list", Map.of("event", "E_TEST_B")).path("result").toString())
                .isEqualTo("{\"Event\":{\"name\":\"E_TEST_B\",\"id\":" + idOf("E_TEST_B") + ",\"Subscribers\":[]}}");
        // Positional parameters too, as opensips-cli sends them.
        assertThat(mi.callRaw("subscribers_list", "[\"E_TEST_A\"]").path("result").path("Event").path("name").asText())
                .isEqualTo("E_TEST_A");
    }

    /** The result as text, with a count-down of the default expire still shown as 3600 (a slow machine may take a second). */
    private static String shown(JsonNode answer) {
        return answer.path("result").toString().replaceAll("\"expire\":359[0-9]", "\"expire\":3600");
    }

    @Test
    void subscribersListErrors() throws Exception {
        assertError(mi.call("subscribers_list", Map.of("event", "E_NOPE")), 404, "Event not published");
        assertError(mi.call("subscribers_list", Map.of("event", "E_TEST_A", "socket", udp.socketText())), 404,
                "Subscriber does not exist");
        assertError(mi.call("subscribers_list", Map.of("event", "E_TEST_A", "socket", "garbage")), 404,
                "Subscriber does not exist");
        assertThat(invalidParams(mi.call("subscribers_list", Map.of("socket", "x")))).contains("'socket'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp:127.0.0.1", "udp:127.0.0.1:0", "udp:127.0.0.1:70000", "udp:[::1:9", "udp:::1:9",
            "sctp:127.0.0.1:9", "127.0.0.1:9", "tcp:host name:9", "http://", "http://a_b/x", "ftp://127.0.0.1/",
            "udp:no-such-host.invalid:9"})
    void aBadSocketIsABadParameterValue(String socket) throws Exception {
        assertError(mi.call("event_subscribe", Map.of("event", "E_TEST_A", "socket", socket)), 400, "Bad parameter value");
        assertThat(mi.call("subscribers_list", null).path("result").path("Events").size()).isZero();
    }

    @Test
    void eventSubscribeErrors() throws Exception {
        assertError(mi.call("event_subscribe", Map.of("event", "E_NOPE", "socket", udp.socketText())), 400,
                "Bad parameter value");
        assertError(mi.call("event_subscribe", Map.of("event", "E_TEST_A", "socket", udp.socketText(), "expire", -1)),
                -32602, "Invalid params");
        assertThat(invalidParams(mi.call("event_subscribe", Map.of("event", "E_TEST_A", "socket", udp.socketText(),
                "expire", -5)))).isEqualTo("Negative expire value");
        assertThat(invalidParams(mi.call("event_subscribe", Map.of("event", "E_TEST_A", "socket", udp.socketText(),
                "expire", "soon")))).contains("'expire'");
        assertThat(invalidParams(mi.call("event_subscribe", Map.of("event", "E_TEST_A", "socket", udp.socketText(),
                "expire", 1.5)))).contains("'expire'");
        assertThat(invalidParams(mi.call("event_subscribe", Map.of("event", "E_TEST_A")))).contains("'socket'");
        assertThat(invalidParams(mi.call("event_subscribe", Map.of("event", "E_TEST_A", "socket", udp.socketText(),
                "expires", 5)))).contains("'expires'");
        assertThat(invalidParams(mi.call("event_subscribe", Map.of("event", "", "socket", udp.socketText()))))
                .contains("'event'");
        assertThat(invalidParams(mi.call("event_subscribe", Map.of("event", "E_TEST_A", "socket", List.of("x")))))
                .contains("'socket'");
        assertThat(invalidParams(mi.callRaw("event_subscribe", "[\"E_TEST_A\"]"))).contains("'socket'");
        assertThat(mi.call("subscribers_list", null).path("result").path("Events").size()).isZero();
        // The numeric expire may also come as text, positionally.
        assertThat(mi.callRaw("event_subscribe", "[\"E_TEST_A\", \"" + udp.socketText() + "\", \"30\"]").path("result")
                .asText()).isEqualTo("OK");
        assertThat(mi.subscriber("E_TEST_A", udp.socketText()).path("expire").asLong()).isBetween(28L, 30L);
    }

    @Test
    void raiseEventErrors() throws Exception {
        assertError(mi.call("raise_event", Map.of("event", "E_NOPE")), 404, "Event not registered");
        assertError(mi.call("raise_event", Map.of("event", "E_TEST_A")), 480, "Temporarily Unavailable");
        mi.subscribe("E_TEST_A", udp.socketText());
        assertError(mi.call("raise_event", Map.of("event", "E_TEST_A", "params", Map.of("z", "1"))), 400, "Bad Params");
        assertError(mi.call("raise_event", Map.of("event", "E_TEST_A", "params", List.of("1", "2", "3"))), 400,
                "Bad Params");
        assertError(mi.call("raise_event", Map.of("event", "E_TEST_A", "params", "not json")), 400, "Bad Params");
        assertError(mi.call("raise_event", Map.of("event", "E_TEST_A", "params", "[1,2]")), 400, "Bad Params");
        assertError(mi.call("raise_event", Map.of("event", "E_TEST_A", "params", 5)), 400, "Bad Params");
        assertThat(invalidParams(mi.call("raise_event", Map.of("params", Map.of())))).contains("'event'");
        assertThat(invalidParams(mi.call("raise_event", Map.of("event", "E_TEST_A", "values", List.of()))))
                .contains("'values'");
        assertThat(udp.next(Duration.ofMillis(200))).as("no failed call raised anything").isNull();
    }

    @Test
    void raiseEventTakesAnObjectAnArrayOrAJsonObjectInAString() throws Exception {
        mi.subscribe("E_TEST_A", udp.socketText());
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("x", Map.of("k", true));
        nested.put("y", null);
        for (Object params : List.of(Map.of("y", "2", "x", 1), List.of("1", 2), "{\"x\":\"1\",\"y\":2}", nested)) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("event", "E_TEST_A");
            p.put("params", params);
            assertThat(mi.call("raise_event", p).path("result").asText()).isEqualTo("OK");
        }
        assertThat(udp.next(Duration.ofSeconds(5)))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"E_TEST_A\",\"params\":{\"x\":1,\"y\":\"2\"}}");
        assertThat(udp.next(Duration.ofSeconds(5)))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"E_TEST_A\",\"params\":{\"x\":\"1\",\"y\":2}}");
        assertThat(udp.next(Duration.ofSeconds(5)))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"E_TEST_A\",\"params\":{\"x\":\"1\",\"y\":2}}");
        // Values other than strings and numbers travel as their JSON text; null is no value.
        assertThat(udp.next(Duration.ofSeconds(5)))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"E_TEST_A\",\"params\":{\"x\":\"{\\\"k\\\":true}\"}}");
        assertThat(mi.call("raise_event", Map.of("event", "E_TEST_A")).path("result").asText()).isEqualTo("OK");
        assertThat(udp.next(Duration.ofSeconds(5)))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"E_TEST_A\",\"params\":{}}");
    }

    @Test
    void theCommandsAreListedByWhich() throws Exception {
        List<String> names = new ArrayList<>();
        mi.call("which", null).path("result").forEach(n -> names.add(n.asText()));
        assertThat(names).contains("event_subscribe", "events_list", "subscribers_list", "raise_event");
    }
}
