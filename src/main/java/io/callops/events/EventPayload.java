package io.callops.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callops.api.Event;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The wire form of an event, the same for every network transport: a compact JSON-RPC 2.0
 * notification {@code {"jsonrpc":"2.0","method":"E_NAME","params":{...}}} with the parameters
 * in declaration order, those without a value left out, and no {@code id}.
 */
final class EventPayload {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventPayload() {}

    static byte[] encode(Event event) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("jsonrpc", "2.0");
        message.put("method", event.name());
        message.put("params", event.parameters());
        try {
            return JSON.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            // Values are only strings and numbers (Event checks), so this is a bug, not bad input.
            throw new IllegalStateException("cannot encode " + event.name(), e);
        }
    }
}
