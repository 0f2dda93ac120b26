package io.callops.mi.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The subscriptions of one socket, kept through the MI command {@code event_subscribe}
 * ({@code event}, {@code socket}, {@code expire} seconds): made, renewed before they expire
 * (the MI drops a subscription once its time is up) and ended with {@code expire} 0.
 */
final class EventSubscriptions {
    static final String SUBSCRIBE = "event_subscribe";

    private final MiHttpClient mi;
    private final String socket;
    private final int expireSeconds;
    /** Written by the listening thread, read by a shutdown hook. */
    private final List<String> subscribed = new CopyOnWriteArrayList<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    EventSubscriptions(MiHttpClient mi, String socket, int expireSeconds) {
        this.mi = mi;
        this.socket = socket;
        this.expireSeconds = expireSeconds;
    }

    /** @return the MI's reply; on success the event is renewed and cancelled with the others */
    MiReply subscribe(String event) throws MiUnreachableException {
        MiReply reply = mi.call(SUBSCRIBE, params(event, expireSeconds));
        if (!reply.isError()) {
            subscribed.add(event);
        }
        return reply;
    }

    /**
     * Subscribes every event again, which restarts its time (also after the proxy restarted and
     * forgot it). Goes on past a failure so one bad answer does not lose the other events.
     *
     * @return true when every renewal succeeded; each failure is told to {@code warn}
     */
    boolean renewAll(Consumer<String> warn) {
        boolean all = true;
        for (String event : subscribed) {
            try {
                MiReply reply = mi.call(SUBSCRIBE, params(event, expireSeconds));
                if (reply.isError()) {
                    warn.accept("could not renew the subscription to " + event + ": " + JsonOutput.compact(reply.error()));
                    all = false;
                }
            } catch (MiUnreachableException e) {
                warn.accept("could not renew the subscription to " + event + ": " + e.getMessage());
                all = false;
            }
        }
        return all;
    }

    /**
     * Ends every subscription made (expire 0). Runs once, whichever of the listening thread and
     * the shutdown hook comes first; failures are told to {@code warn}.
     */
    void cancelAll(Consumer<String> warn) {
        if (!cancelled.compareAndSet(false, true)) {
            return;
        }
        for (String event : new ArrayList<>(subscribed)) {
            try {
                MiReply reply = mi.call(SUBSCRIBE, params(event, 0));
                if (reply.isError()) {
                    warn.accept("could not unsubscribe from " + event + ": " + JsonOutput.compact(reply.error()));
                }
            } catch (MiUnreachableException e) {
                warn.accept("could not unsubscribe from " + event + ": " + e.getMessage());
            }
        }
    }

    private Map<String, Object> params(String event, int expire) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("event", event);
        p.put("socket", socket);
        p.put("expire", expire);
        return p;
    }
}
