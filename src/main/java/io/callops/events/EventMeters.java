package io.callops.events;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The event counters as Prometheus meters: {@code callops_events_raised_total{event}},
 * {@code callops_events_delivered_total{event,transport}},
 * {@code callops_events_dropped_total{event,transport,reason}} and the gauge
 * {@code callops_events_subscribers{event}}. Meters read the live counters when scraped; the
 * per-transport ones appear once the event has a receiver of that transport, so that unused
 * combinations do not fill the scrape with zeros. Registration never happens on the raising
 * thread.
 */
final class EventMeters implements MeterBinder {
    private final EventCatalog catalog;
    private final Set<Receivers> inUse = new LinkedHashSet<>();
    private MeterRegistry registry;

    /** An event and one transport through which it has receivers. */
    private record Receivers(EventChannel channel, DeliveryTransport transport) {
    }

    EventMeters(EventCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public synchronized void bindTo(MeterRegistry meterRegistry) {
        registry = meterRegistry;
        for (EventChannel ch : catalog.all()) {
            registerEvent(ch);
        }
        for (Receivers r : inUse) {
            registerTransport(r);
        }
    }

    synchronized void declared(EventChannel ch) {
        if (registry != null) {
            registerEvent(ch);
        }
    }

    synchronized void receiverAdded(EventChannel ch, DeliveryTransport transport) {
        Receivers r = new Receivers(ch, transport);
        if (inUse.add(r) && registry != null) {
            registerTransport(r);
        }
    }

    private void registerEvent(EventChannel ch) {
        FunctionCounter.builder("callops.events.raised", ch.counters.raised, a -> a.sum())
                .description("Events raised, whether or not anyone received them")
                .tag("event", ch.type.name()).register(registry);
        Gauge.builder("callops.events.subscribers", ch, c -> c.subscriptionCount())
                .description("Network subscriptions of an event")
                .tag("event", ch.type.name()).register(registry);
    }

    private void registerTransport(Receivers r) {
        DeliveryCounters c = r.channel().counters.of(r.transport());
        String event = r.channel().type.name();
        String transport = r.transport().label();
        FunctionCounter.builder("callops.events.delivered", c.delivered, a -> a.sum())
                .description("Events handed over to a subscriber")
                .tags("event", event, "transport", transport).register(registry);
        for (DropReason reason : DropReason.values()) {
            FunctionCounter.builder("callops.events.dropped", c.dropped(reason), a -> a.sum())
                    .description("Events a subscriber did not get")
                    .tags("event", event, "transport", transport, "reason", reason.label()).register(registry);
        }
    }
}
