package io.callops.transport;

/**
 * The UDP ports of the I/O threads, when each thread has one of its own: thread {@code i}
 * answers on {@code base + i}, on every UDP listen host. The proxy puts the port of the thread
 * that owns a call into the Via and Record-Route of the requests it relays for it, so the
 * answers and the in-dialog requests of that call reach that thread's socket directly, instead
 * of whichever socket the kernel picks for the sender, and no other thread has to hand them on.
 *
 * @param base  the port of thread 0; 0 when the threads have no ports of their own
 * @param count how many threads there are
 */
public record UdpWorkerPorts(int base, int count) {
    public static final UdpWorkerPorts NONE = new UdpWorkerPorts(0, 0);

    public UdpWorkerPorts {
        if (base < 0 || count < 0) {
            throw new IllegalArgumentException("worker ports: base and count must not be negative");
        }
        if (base > 0 && (count < 1 || (long) base + count - 1 > 65_535)) {
            throw new IllegalArgumentException("worker ports " + base + " to " + ((long) base + count - 1)
                    + " do not fit below 65536");
        }
    }

    public boolean enabled() {
        return base > 0;
    }

    /** The port of thread {@code index}. */
    public int port(int index) {
        if (!enabled() || index < 0 || index >= count) {
            throw new IllegalArgumentException("no worker port for thread " + index);
        }
        return base + index;
    }

    /** True when {@code port} is one of the threads' ports. */
    public boolean contains(int port) {
        return enabled() && port >= base && port < base + count;
    }
}
