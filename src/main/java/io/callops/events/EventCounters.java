package io.callops.events;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** What happened to one event type: raised, and delivered or dropped per transport. */
final class EventCounters {
    final LongAdder raised = new LongAdder();
    private final Map<DeliveryTransport, DeliveryCounters> byTransport = new EnumMap<>(DeliveryTransport.class);

    EventCounters() {
        for (DeliveryTransport t : DeliveryTransport.values()) {
            byTransport.put(t, new DeliveryCounters());
        }
    }

    DeliveryCounters of(DeliveryTransport transport) {
        return byTransport.get(transport);
    }

    long delivered() {
        return byTransport.values().stream().mapToLong(c -> c.delivered.sum()).sum();
    }

    long dropped() {
        return byTransport.values().stream().mapToLong(DeliveryCounters::droppedTotal).sum();
    }
}
