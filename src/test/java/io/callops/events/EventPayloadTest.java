package io.callops.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.callops.api.Event;
import io.callops.api.EventType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The notification every network subscriber gets, byte for byte. */
class EventPayloadTest {
    private static final EventType TRANSFER = new EventType("E_CALL_TRANSFER",
            List.of("callid", "leg", "transfer_callid", "destination", "state", "status"));

    private static String json(Event e) {
        return new String(EventPayload.encode(e), StandardCharsets.UTF_8);
    }

    @Test
    void compactJsonRpcNotificationWithParametersInDeclarationOrder() {
        Event e = TRANSFER.of("a84b4c76e66710", "callee", "9f2c1e@10.0.0.5", "sip:agent@example.net", "start", "");
        assertThat(json(e)).isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"E_CALL_TRANSFER\",\"params\":{"
                + "\"callid\":\"a84b4c76e66710\",\"leg\":\"callee\",\"transfer_callid\":\"9f2c1e@10.0.0.5\","
                + "\"destination\":\"sip:agent@example.net\",\"state\":\"start\",\"status\":\"\"}}");
    }

    @Test
    void parametersWithoutAValueAreLeftOutAndNumbersStayNumbers() {
        Event e = new Event(new EventType("E_X", List.of("a", "b", "c", "d")), Arrays.asList(null, 42, new BigDecimal("1.50"), null), null);
        assertThat(json(e)).isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"E_X\",\"params\":{\"b\":42,\"c\":1.50}}");
        assertThat(json(new EventType("E_EMPTY", List.of()).of()))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"E_EMPTY\",\"params\":{}}");
    }

    @Test
    void textIsEscapedAsJsonAndSentAsUtf8() {
        Event e = new EventType("E_X", List.of("s")).of("quote \" backslash \\ newline \n tab \t ctrl \u0001 \u00e9\u4e2d");
        assertThat(json(e)).isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"E_X\",\"params\":{\"s\":"
                + "\"quote \\\" backslash \\\\ newline \\n tab \\t ctrl \\u0001 \u00e9\u4e2d\"}}");
    }

    @Test
    void encodedOnceForAllSubscribers() {
        RaisedEvent r = new RaisedEvent(new EventType("E_X", List.of("s")).of("v"));
        assertThat(r.json()).isSameAs(r.json());
    }
}
