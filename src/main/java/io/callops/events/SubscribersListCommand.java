package io.callops.events;

import io.callops.api.MiCommand;
import io.callops.api.MiError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code subscribers_list} (alias {@code evi:subscribers_list}) in the OpenSIPS shapes:
 * no parameters {@code {"Events":[{name, id, Subscribers:[...]}]}} for the events that have
 * subscribers; {@code event} {@code {"Event":{name, id, Subscribers:[...]}}}; {@code event} and
 * {@code socket} {@code {"Event":{name, id, Subscriber:{...}}}}. Each subscriber shows
 * {@code socket}, {@code expire} (seconds left), and our {@code drops} and {@code delivered}.
 */
final class SubscribersListCommand {
    private SubscribersListCommand() {}

    static MiCommand create(EventBus bus) {
        return new MiCommand("subscribers_list", List.of("evi:subscribers_list"),
                "the subscribers of every event, of one event, or one subscriber",
                List.of(List.of(), List.of("event"), List.of("event", "socket")), p -> {
                    if (!p.has("event")) {
                        return CompletableFuture.completedFuture(all(bus));
                    }
                    EventView event = bus.event(p.string("event"))
                            .orElseThrow(() -> new MiError(404, "Event not published"));
                    if (!p.has("socket")) {
                        return CompletableFuture.completedFuture(Map.of("Event", withSubscribers(event)));
                    }
                    SubscriberView one = find(event, p.string("socket"))
                            .orElseThrow(() -> new MiError(404, "Subscriber does not exist"));
                    Map<String, Object> out = header(event);
                    out.put("Subscriber", subscriber(one));
                    return CompletableFuture.completedFuture(Map.of("Event", out));
                });
    }

    private static Map<String, Object> all(EventBus bus) {
        List<Object> events = new ArrayList<>();
        for (EventView e : bus.events()) {
            if (!e.subscribers().isEmpty()) {
                events.add(withSubscribers(e));
            }
        }
        return Map.of("Events", events);
    }

    private static Optional<SubscriberView> find(EventView event, String socket) {
        String canonical;
        try {
            canonical = EventSocket.parse(socket).text();
        } catch (InvalidSocketException e) {
            return Optional.empty();
        }
        return event.subscribers().stream().filter(s -> s.socket().equals(canonical)).findFirst();
    }

    private static Map<String, Object> header(EventView e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", e.name());
        m.put("id", e.id());
        return m;
    }

    private static Map<String, Object> withSubscribers(EventView e) {
        Map<String, Object> m = header(e);
        List<Object> subs = new ArrayList<>();
        for (SubscriberView s : e.subscribers()) {
            subs.add(subscriber(s));
        }
        m.put("Subscribers", subs);
        return m;
    }

    private static Map<String, Object> subscriber(SubscriberView s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("socket", s.socket());
        m.put("expire", s.expireSeconds());
        m.put("drops", s.drops());
        m.put("delivered", s.delivered());
        return m;
    }
}
