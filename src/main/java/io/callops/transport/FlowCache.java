package io.callops.transport;

import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.util.HashMap;

/**
 * The UDP flows of one listen socket by peer address, so that every message from or to a
 * peer shares one {@link Flow} and one address instead of carrying copies of its own.
 * Transactions and dialogs keep the flow of each message for tens of seconds; at a thousand
 * calls a second, per-message copies were a good part of the live heap and of what each young
 * collection copies.
 *
 * <p>One per UDP socket, kept on the channel ({@link #KEY}): the socket's reader and the
 * sender share it, so a peer's requests and our messages to it carry the same flow.
 * Confined to the event loop of its socket, so it needs no lock. Bounded: once it holds
 * {@link #MAX_PEERS} peers it starts again from empty, which costs a few allocations and keeps
 * a flood of spoofed source addresses from growing it.
 */
final class FlowCache {
    static final int MAX_PEERS = 4096;
    static final AttributeKey<FlowCache> KEY = AttributeKey.valueOf("callops.sip.udp-flows");

    private final TransportType transport;
    private final InetSocketAddress local;
    private final HashMap<InetSocketAddress, Flow> byRemote = new HashMap<>();

    FlowCache(TransportType transport, InetSocketAddress local) {
        this.transport = transport;
        this.local = local;
    }

    /** The flow between our socket and {@code remote}, the same object for equal addresses. */
    Flow flowTo(InetSocketAddress remote) {
        Flow f = byRemote.get(remote);
        if (f == null) {
            if (byRemote.size() >= MAX_PEERS) {
                byRemote.clear();
            }
            f = new Flow(transport, local, remote, 0);
            byRemote.put(remote, f);
        }
        return f;
    }

    int size() {
        return byRemote.size();
    }
}
