package io.callops.mi.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * The request to stop listening for events. From a terminal it is SIGINT or SIGTERM: caught as
 * signals rather than in a shutdown hook, because only then can the command unsubscribe and
 * still exit 0 (after a hook the JVM exits 130 or 143).
 */
final class StopSignal {
    private final AtomicBoolean requested = new AtomicBoolean();

    /** A signal only {@link #request()} raises. */
    StopSignal() {}

    /**
     * A signal raised by SIGINT and SIGTERM. A second one halts at once, for when the MI does not
     * answer the unsubscribe and the user does not want to wait for it.
     */
    static StopSignal onInterruptOrTerminate() {
        StopSignal stop = new StopSignal();
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(name), sig -> {
                if (!stop.requested.compareAndSet(false, true)) {
                    Runtime.getRuntime().halt(128 + sig.getNumber());
                }
            });
        }
        return stop;
    }

    void request() {
        requested.set(true);
    }

    boolean requested() {
        return requested.get();
    }
}
