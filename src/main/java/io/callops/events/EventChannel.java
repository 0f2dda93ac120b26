package io.callops.events;

import io.callops.api.Event;
import io.callops.api.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One declared event and everyone who receives it. The raising thread reads two immutable
 * lists through volatile fields and takes no lock; changes (subscribe, expiry, listeners)
 * replace a list under this object's lock, off the SIP path.
 */
final class EventChannel {
    final EventType type;
    final int id;
    final EventCounters counters = new EventCounters();
    private volatile List<Subscription> subscriptions = List.of();
    private volatile List<Outbox> listeners = List.of();

    EventChannel(EventType type, int id) {
        this.type = type;
        this.id = id;
    }

    boolean wanted() {
        return !subscriptions.isEmpty() || !listeners.isEmpty();
    }

    /** Queues the event for every receiver; on the raising thread. */
    void dispatch(Event event, long nowMillis) {
        counters.raised.increment();
        List<Subscription> subs = subscriptions;
        List<Outbox> lis = listeners;
        if (subs.isEmpty() && lis.isEmpty()) {
            return;
        }
        RaisedEvent raised = new RaisedEvent(event);
        for (int i = 0; i < subs.size(); i++) {
            subs.get(i).outbox().offer(raised, nowMillis);
        }
        for (int i = 0; i < lis.size(); i++) {
            lis.get(i).offer(raised, nowMillis);
        }
    }

    List<Subscription> subscriptions() {
        return subscriptions;
    }

    int subscriptionCount() {
        return subscriptions.size();
    }

    synchronized Optional<Subscription> find(String socketText) {
        for (Subscription s : subscriptions) {
            if (s.socket().text().equals(socketText)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    synchronized void add(Subscription s) {
        subscriptions = with(subscriptions, s);
    }

    synchronized void remove(Subscription s) {
        subscriptions = without(subscriptions, s);
    }

    synchronized void addListener(Outbox o) {
        listeners = with(listeners, o);
    }

    synchronized void removeListener(Outbox o) {
        listeners = without(listeners, o);
    }

    /** A new immutable list, so that the raising thread never sees one being changed. */
    private static <T> List<T> with(List<T> list, T item) {
        List<T> next = new ArrayList<>(list);
        next.add(item);
        return List.copyOf(next);
    }

    private static <T> List<T> without(List<T> list, T item) {
        List<T> next = new ArrayList<>(list);
        next.remove(item);
        return List.copyOf(next);
    }

    List<Outbox> listeners() {
        return listeners;
    }

    EventView view(long nowMillis) {
        List<SubscriberView> subs = new ArrayList<>();
        for (Subscription s : subscriptions) {
            subs.add(s.view(nowMillis));
        }
        return new EventView(type, id, subs);
    }
}
