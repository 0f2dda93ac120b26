package io.callops.events;

import io.callops.api.EventType;
import java.util.List;

/**
 * A declared event as the MI lists it.
 *
 * @param id          its number, in the order events were declared (from 0)
 * @param subscribers its live network subscribers (in-process listeners are not listed)
 */
public record EventView(EventType type, int id, List<SubscriberView> subscribers) {
    public EventView {
        subscribers = List.copyOf(subscribers);
    }

    public String name() {
        return type.name();
    }
}
