package io.callops.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends datagrams from the UDP listen sockets, so that replies leave from the address and
 * port the peer sent to, which is what a NATed peer and RFC 3581 symmetric response routing
 * expect.
 */
final class UdpSender {
    /** 65,535 minus the 8-byte UDP and 20-byte IPv4 headers. */
    static final int MAX_PAYLOAD = 65_507;

    private final Map<InetSocketAddress, List<Channel>> byLocal;
    private final List<Channel> first;
    private final TransportStats stats;

    /** @param sockets bound UDP channels (one per event loop) by their bound address, in configuration order */
    UdpSender(LinkedHashMap<InetSocketAddress, List<Channel>> sockets, TransportStats stats) {
        this.byLocal = Map.copyOf(sockets);
        this.first = sockets.isEmpty() ? null : sockets.values().iterator().next();
        this.stats = stats;
    }

    /** The socket of the calling event loop when it has one (no thread hand-over), else the first. */
    private static Channel pick(List<Channel> sockets) {
        for (int i = 0; i < sockets.size(); i++) {
            Channel ch = sockets.get(i);
            if (ch.eventLoop().inEventLoop()) {
                return ch;
            }
        }
        return sockets.get(0);
    }

    /** Sends from the socket bound to {@code local}, or from the first one if none is. */
    void send(InetSocketAddress local, InetSocketAddress destination, byte[] bytes, SendResult result) {
        if (bytes.length > MAX_PAYLOAD) {
            SendOutcome.failed(stats, result, new MessageTooLargeException(bytes.length, MAX_PAYLOAD));
            return;
        }
        List<Channel> sockets = local == null ? first : byLocal.getOrDefault(local, first);
        Channel ch = sockets == null ? null : pick(sockets);
        if (ch == null) {
            SendOutcome.failed(stats, result, new IOException("no UDP listen address to send from"));
            return;
        }
        boolean ownLoop = ch.eventLoop().inEventLoop();
        FlowCache flows = ch.attr(FlowCache.KEY).get(); // set by the socket's reader; only on its own loop
        Flow flow = flows != null && ownLoop
                ? flows.flowTo(destination)
                : new Flow(TransportType.UDP, (InetSocketAddress) ch.localAddress(), destination, 0);
        if (ownLoop && sendDirect(ch, destination, bytes, result, flow)) {
            return;
        }
        ch.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(bytes), destination)).addListener(f -> {
            if (f.isSuccess()) {
                SendOutcome.sent(stats, result, flow);
            } else {
                SendOutcome.failed(stats, result, f.cause());
            }
        });
    }

    /** True when the datagram was sent, or refused by the kernel, without Netty's outbound path. */
    private boolean sendDirect(Channel ch, InetSocketAddress destination, byte[] bytes, SendResult result, Flow flow) {
        UdpDirectSend direct = UdpDirectSend.of(ch);
        if (direct == null) {
            return false;
        }
        try {
            if (!direct.trySend(destination, bytes)) {
                return false;
            }
        } catch (IOException e) {
            SendOutcome.failed(stats, result, e);
            return true;
        }
        SendOutcome.sent(stats, result, flow);
        return true;
    }
}
