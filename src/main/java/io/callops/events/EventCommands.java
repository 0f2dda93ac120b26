package io.callops.events;

import io.callops.api.CommandRegistry;
import io.callops.api.MiCommand;
import io.callops.api.MiError;
import io.callops.api.MiParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The event interface's MI commands, with the names, parameters, results and errors of the
 * OpenSIPS core ones (and their 4.x {@code evi:} aliases): {@code event_subscribe},
 * {@code events_list}, {@code subscribers_list} and {@code raise_event}.
 */
public final class EventCommands {
    /** Seconds a subscription lasts when {@code expire} is not given. */
    static final int DEFAULT_EXPIRE = 3600;

    private EventCommands() {}

    public static void register(CommandRegistry registry, EventBus bus) {
        registry.register(subscribe(bus));
        registry.register(new MiCommand("events_list", List.of("evi:list"), "the events that can be subscribed to",
                List.of(List.of()), p -> CompletableFuture.completedFuture(eventsList(bus))));
        registry.register(SubscribersListCommand.create(bus));
        registry.register(RaiseEventCommand.create(bus));
    }

    private static MiCommand subscribe(EventBus bus) {
        return new MiCommand("event_subscribe", List.of("evi:subscribe"),
                "subscribe a socket (udp:host:port, tcp:host:port, http(s)://...) to an event; expire 0 unsubscribes",
                List.of(List.of("event", "socket"), List.of("event", "socket", "expire")), p -> {
                    String event = nonEmpty(p, "event");
                    String socket = nonEmpty(p, "socket");
                    int expire = DEFAULT_EXPIRE;
                    if (p.has("expire")) {
                        expire = p.integer("expire");
                        if (expire < 0) {
                            throw MiError.invalidParams("Negative expire value");
                        }
                    }
                    return bus.subscribe(event, socket, expire).handle((ok, failure) -> {
                        if (failure == null) {
                            return "OK";
                        }
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        if (cause instanceof SubscriptionRejectedException r) {
                            throw new CompletionException(new MiError(400, "Bad parameter value", r.getMessage()));
                        }
                        throw new CompletionException(cause);
                    });
                });
    }

    private static Map<String, Object> eventsList(EventBus bus) {
        List<Object> events = new ArrayList<>();
        for (EventView e : bus.events()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", e.name());
            item.put("id", e.id());
            events.add(item);
        }
        return Map.of("Events", events);
    }

    /** A required string that is not empty, as the reference demands of names and sockets. */
    static String nonEmpty(MiParams p, String name) {
        String v = p.string(name);
        if (v.isEmpty()) {
            throw MiError.invalidParams("Parameter '" + name + "' must not be empty");
        }
        return v;
    }
}
