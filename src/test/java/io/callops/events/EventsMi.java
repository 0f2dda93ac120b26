package io.callops.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.callops.mi.MiClient;
import io.callops.testsupport.TestProxy;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The event commands over a proxy's real MI, for tests. */
final class EventsMi {
    private final MiClient mi;

    EventsMi(TestProxy proxy) {
        this.mi = new MiClient(proxy.miPort());
    }

    /** The whole JSON-RPC answer. */
    JsonNode call(String method, Map<String, ?> params) throws IOException, InterruptedException {
        return mi.call(method, params == null ? null : json(params));
    }

    JsonNode callRaw(String method, String paramsJson) throws IOException, InterruptedException {
        return mi.call(method, paramsJson);
    }

    JsonNode subscribe(String event, String socket) throws IOException, InterruptedException {
        return call("event_subscribe", Map.of("event", event, "socket", socket));
    }

    JsonNode subscribe(String event, String socket, int expire) throws IOException, InterruptedException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("event", event);
        p.put("socket", socket);
        p.put("expire", expire);
        return call("event_subscribe", p);
    }

    /** {@code Event.Subscriber} of {@code subscribers_list event socket}, or a missing node. */
    JsonNode subscriber(String event, String socket) throws IOException, InterruptedException {
        return call("subscribers_list", Map.of("event", event, "socket", socket)).path("result").path("Event")
                .path("Subscriber");
    }

    static String json(Object value) {
        try {
            return MiClient.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
