package io.callops.transport;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live TCP connections, found by connection id (to answer on the connection a request
 * came on, RFC 3261 §18.2.2) and by remote address (to reuse a connection, whichever side
 * opened it, RFC 3261 §18.1.1 and RFC 5626 §5). Lock-free: looked up from any thread.
 */
final class TcpConnections {
    /** The flow of a registered connection, as told to senders. */
    static final AttributeKey<Flow> FLOW = AttributeKey.valueOf("callops.sip.flow");

    private final ConcurrentHashMap<Long, Channel> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<InetSocketAddress, Channel> byRemote = new ConcurrentHashMap<>();
    private final AtomicLong lastId = new AtomicLong();
    private final AtomicInteger open = new AtomicInteger();
    private final TransportStats stats;

    TcpConnections(TransportStats stats) {
        this.stats = stats;
    }

    /** A new, positive connection id; ids are never reused within one transport. */
    long nextId() {
        return lastId.incrementAndGet();
    }

    /**
     * Registers an active connection under {@code id} and its remote address, the latest
     * connection to an address winning. Returns false, registering nothing, when {@code limit}
     * connections are already open. The connection unregisters itself when it closes.
     */
    boolean register(long id, Channel channel, InetSocketAddress remote, int limit) {
        int n;
        do {
            n = open.get();
            if (n >= limit) {
                return false;
            }
        } while (!open.compareAndSet(n, n + 1));
        stats.openTcpConnections.increment();
        channel.attr(FLOW).set(new Flow(TransportType.TCP, (InetSocketAddress) channel.localAddress(), remote, id));
        byId.put(id, channel);
        byRemote.put(remote, channel);
        // Runs at once if the channel closed already, so nothing stays registered.
        channel.closeFuture().addListener(f -> unregister(id, channel, remote));
        return true;
    }

    private void unregister(long id, Channel channel, InetSocketAddress remote) {
        byId.remove(id, channel);
        byRemote.remove(remote, channel);
        open.decrementAndGet();
        stats.openTcpConnections.decrement();
    }

    /** The open connection with this id, or null. */
    Channel byId(long id) {
        return live(byId.get(id));
    }

    /** The latest open connection to this address, or null. */
    Channel byRemote(InetSocketAddress remote) {
        return live(byRemote.get(remote));
    }

    int size() {
        return open.get();
    }

    List<Channel> all() {
        return new ArrayList<>(byId.values());
    }

    private static Channel live(Channel c) {
        return c != null && c.isActive() ? c : null;
    }
}
