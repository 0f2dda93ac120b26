package io.callops.events;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Totals of one event over every subscriber of one transport, for the metrics. */
final class DeliveryCounters {
    final LongAdder delivered = new LongAdder();
    private final Map<DropReason, LongAdder> dropped = new EnumMap<>(DropReason.class);

    DeliveryCounters() {
        for (DropReason r : DropReason.values()) {
            dropped.put(r, new LongAdder());
        }
    }

    LongAdder dropped(DropReason reason) {
        return dropped.get(reason);
    }

    long droppedTotal() {
        long n = 0;
        for (LongAdder a : dropped.values()) {
            n += a.sum();
        }
        return n;
    }
}
