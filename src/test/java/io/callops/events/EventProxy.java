package io.callops.events;

import io.callops.api.EventType;
import io.callops.testsupport.TestProxy;
import java.util.Map;

/** A test proxy with the given events declared, and its bus and MI at hand. */
final class EventProxy implements AutoCloseable {
    final TestProxy proxy;
    final EventBus bus;
    final EventsMi mi;

    private EventProxy(TestProxy proxy) {
        this.proxy = proxy;
        this.bus = proxy.server().events();
        this.mi = new EventsMi(proxy);
    }

    static EventProxy start(Map<String, ?> overrides, EventType... declared) {
        EventProxy p = new EventProxy(TestProxy.start(overrides));
        for (EventType t : declared) {
            p.bus.declare(t);
        }
        return p;
    }

    static EventProxy start(EventType... declared) {
        return start(Map.of(), declared);
    }

    @Override
    public void close() {
        proxy.close();
    }
}
