package io.callops.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callops.api.Event;
import io.callops.api.EventType;
import io.callops.api.MiCommand;
import io.callops.api.MiError;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code raise_event} (alias {@code evi:raise}): raises a declared event from the MI, as the
 * OpenSIPS core command does. {@code params} is an object of parameter values by name, an array
 * of values in declaration order, or a string holding a JSON object (what {@code opensips-cli}
 * sends). Answers as the reference: 404 {@code Event not registered}, 480 {@code Temporarily
 * Unavailable} when nobody receives the event, 400 {@code Bad Params}.
 */
final class RaiseEventCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RaiseEventCommand() {}

    static MiCommand create(EventBus bus) {
        return new MiCommand("raise_event", List.of("evi:raise"), "raise an event, with optional parameters",
                List.of(List.of("event"), List.of("event", "params")), p -> {
                    String name = p.string("event");
                    EventType type = bus.type(name).orElseThrow(() -> new MiError(404, "Event not registered"));
                    if (!bus.wanted(type)) {
                        throw new MiError(480, "Temporarily Unavailable");
                    }
                    List<Object> values = p.has("params") ? values(type, p.value("params")) : noValues(type);
                    bus.raise(new Event(type, values, null));
                    return CompletableFuture.completedFuture("OK");
                });
    }

    private static List<Object> noValues(EventType type) {
        return Arrays.asList(new Object[type.parameters().size()]);
    }

    static List<Object> values(EventType type, Object params) {
        if (params instanceof String text) {
            params = parseObject(text);
        }
        List<Object> values = noValues(type);
        if (params instanceof Map<?, ?> named) {
            for (Map.Entry<?, ?> e : named.entrySet()) {
                int i = type.parameters().indexOf(String.valueOf(e.getKey()));
                if (i < 0) {
                    throw badParams(type.name() + " has no parameter '" + e.getKey() + "' (it has " + type.parameters() + ")");
                }
                values.set(i, value(e.getValue()));
            }
            return values;
        }
        if (params instanceof List<?> positional) {
            if (positional.size() > values.size()) {
                throw badParams(type.name() + " takes at most " + values.size() + " values, got " + positional.size());
            }
            for (int i = 0; i < positional.size(); i++) {
                values.set(i, value(positional.get(i)));
            }
            return values;
        }
        if (params == null) {
            return values;
        }
        throw badParams("params must be an object, an array or a JSON object in a string");
    }

    private static Object parseObject(String text) {
        try {
            Object parsed = JSON.readValue(text, Object.class);
            if (parsed instanceof Map<?, ?>) {
                return parsed;
            }
        } catch (JsonProcessingException e) {
            // answered below
        }
        throw badParams("params is a string that does not hold a JSON object");
    }

    /**
     * Strings and numbers as they are; JSON null means no value; anything else (true, an object,
     * an array) is passed on as its compact JSON text, as the reference does.
     */
    private static Object value(Object v) {
        if (v == null || v instanceof String || v instanceof Number) {
            return v;
        }
        try {
            return JSON.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw badParams("a value cannot be written as JSON");
        }
    }

    private static MiError badParams(String why) {
        return new MiError(400, "Bad Params", why);
    }
}
