package io.callops.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callops.api.Event;
import io.callops.api.EventType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** UDP, TCP and HTTP subscribers of a real proxy get each event, in order, as the exact JSON-RPC notification. */
@Timeout(60)
class EventDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final EventType CALL = new EventType("E_TEST_CALL", List.of("callid", "leg", "state", "count"));

    private EventProxy rig;
    private EventsMi mi;
    private EventBus bus;

    @BeforeEach
    void start() {
        rig = EventProxy.start(CALL);
        mi = rig.mi;
        bus = rig.bus;
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private static Event call(Object... values) {
        return new Event(CALL, Arrays.asList(values), null);
    }

    @Test
    void everyTransportGetsEventsRaisedThroughTheMiAndTheBusInOrderAsExactJson() throws Exception {
        try (UdpReceiver udp = new UdpReceiver(); TcpReceiver tcp = TcpReceiver.reading();
             HttpReceiver http = HttpReceiver.answering()) {
            for (String socket : List.of(udp.socketText(), tcp.socketText(), http.url())) {
                assertThat(mi.subscribe("E_TEST_CALL", socket).path("result").asText()).isEqualTo("OK");
            }

            Map<String, Object> params = new LinkedHashMap<>();
            params.put("state", "start"); // given out of order: delivered in declaration order
            params.put("callid", "a84b4c76e66710");
            params.put("leg", "callee");
            params.put("count", 1);
            assertThat(mi.call("raise_event", Map.of("event", "E_TEST_CALL", "params", params)).path("result").asText())
                    .isEqualTo("OK");
            bus.raise(call("a84b4c76e66710", "caller", null, 2)); // no value: left out
            bus.raise(call("a84b4c76e66710", "caller", "ok \"quoted\" \u00e9", 3L));
            assertThat(mi.call("evi:raise", Map.of("event", "E_TEST_CALL", "params", List.of("x", "y"))).path("result")
                    .asText()).isEqualTo("OK");

            List<String> expected = List.of(
                    "{\"jsonrpc\":\"2.0\",\"method\":\"E_TEST_CALL\",\"params\":{\"callid\":\"a84b4c76e66710\","
                            + "\"leg\":\"callee\",\"state\":\"start\",\"count\":1}}",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"E_TEST_CALL\",\"params\":{\"callid\":\"a84b4c76e66710\","
                            + "\"leg\":\"caller\",\"count\":2}}",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"E_TEST_CALL\",\"params\":{\"callid\":\"a84b4c76e66710\","
                            + "\"leg\":\"caller\",\"state\":\"ok \\\"quoted\\\" \u00e9\",\"count\":3}}",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"E_TEST_CALL\",\"params\":{\"callid\":\"x\",\"leg\":\"y\"}}");

            for (String e : expected) {
                assertThat(udp.next(WAIT)).isEqualTo(e);
            }
            String stream = String.join("", expected);
            assertThat(tcp.awaitLength(stream.length(), WAIT)).isEqualTo(stream);
            for (String e : expected) {
                HttpReceiver.Request r = http.next(WAIT);
                assertThat(r).isNotNull();
                assertThat(r.method()).isEqualTo("POST");
                assertThat(r.path()).isEqualTo("/events");
                assertThat(r.contentType()).isEqualTo("application/json");
                assertThat(r.body()).isEqualTo(e);
            }
            for (String socket : List.of(udp.socketText(), tcp.socketText(), http.url())) {
                assertThat(Eventually.within(WAIT, () -> mi.subscriber("E_TEST_CALL", socket).path("delivered").asLong() == 4))
                        .as(socket).isTrue();
                assertThat(mi.subscriber("E_TEST_CALL", socket).path("drops").asLong()).isZero();
            }
        }
    }

    @Test
    void manyEventsKeepTheirOrderPerSubscriber() throws Exception {
        try (UdpReceiver udp = new UdpReceiver(); TcpReceiver tcp = TcpReceiver.reading();
             HttpReceiver http = HttpReceiver.answering()) {
            for (String socket : List.of(udp.socketText(), tcp.socketText(), http.url())) {
                mi.subscribe("E_TEST_CALL", socket);
            }
            StringBuilder stream = new StringBuilder();
            for (int i = 0; i < 300; i++) {
                bus.raise(call("c", "caller", "s" + i, i));
                stream.append("{\"jsonrpc\":\"2.0\",\"method\":\"E_TEST_CALL\",\"params\":{\"callid\":\"c\",")
                        .append("\"leg\":\"caller\",\"state\":\"s").append(i).append("\",\"count\":").append(i).append("}}");
            }
            List<Long> udpCounts = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                String d = udp.next(WAIT);
                assertThat(d).isNotNull();
                udpCounts.add(MiJson.read(d).path("params").path("count").asLong());
            }
            assertThat(udpCounts).isSorted().hasSize(300).doesNotHaveDuplicates();
            assertThat(tcp.awaitLength(stream.length(), WAIT)).isEqualTo(stream.toString());
            for (int i = 0; i < 300; i++) {
                JsonNode body = MiJson.read(http.next(WAIT).body());
                assertThat(body.path("params").path("count").asInt()).isEqualTo(i);
            }
        }
    }

    @Test
    void aTcpSubscriberIsReconnectedAfterItsConnectionBroke() throws Exception {
        try (TcpReceiver tcp = TcpReceiver.reading()) {
            mi.subscribe("E_TEST_CALL", tcp.socketText());
            assertThat(tcp.connections()).as("connected lazily, on the first event").isZero();
            bus.raise(call("c1", "caller", "start", 1));
            assertThat(tcp.awaitLength(1, WAIT)).contains("\"c1\"");
            assertThat(tcp.connections()).isEqualTo(1);

            tcp.dropConnections();
            // The first write after the peer closed may still be accepted by the local stack;
            // events keep coming until one travels on a new connection.
            assertThat(Eventually.within(WAIT, () -> {
                bus.raise(call("c2", "caller", "ok", 2));
                return tcp.text().contains("\"c2\"");
            })).isTrue();
            assertThat(tcp.connections()).isEqualTo(1);
        }
    }
}
