package io.callops.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.Socket;
import io.netty.util.AttributeKey;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * One {@code sendto(2)} on an epoll UDP socket, from the socket's own event loop, without
 * Netty's outbound path. That path costs a wrapped buffer, a packet, a promise, a listener,
 * an outbound-buffer entry and a copy into a pooled direct buffer for every datagram; a proxy
 * sends one datagram per message it relays, so that was a tenth of its I/O threads' time.
 *
 * <p>Used only while nothing waits in the channel's outbound buffer, so a datagram never
 * overtakes one Netty holds back for a full socket buffer; when the socket buffer is full now
 * ({@code EAGAIN}) the caller falls back to Netty, which waits for the socket to drain.
 * Confined to the channel's event loop, like its scratch buffer.
 */
final class UdpDirectSend {
    private static final AttributeKey<UdpDirectSend> KEY = AttributeKey.valueOf("callops.udp.directSend");

    private final Channel channel;
    private final Socket socket;
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(UdpSender.MAX_PAYLOAD);

    private UdpDirectSend(Channel channel, Socket socket) {
        this.channel = channel;
        this.socket = socket;
    }

    /** The direct sender of an epoll UDP channel (made on first use), or null for other channels. */
    static UdpDirectSend of(Channel channel) {
        UdpDirectSend d = channel.attr(KEY).get();
        if (d == null && channel instanceof EpollDatagramChannel epoll) {
            FileDescriptor fd = epoll.fd();
            if (fd instanceof Socket s) {
                d = new UdpDirectSend(channel, s);
                channel.attr(KEY).set(d);
            }
        }
        return d;
    }

    /**
     * Sends the datagram now. False when it must go through Netty instead: datagrams are
     * queued there, the socket buffer is full, or the address is unresolved. Throws what the
     * kernel refused, as Netty would fail the write.
     */
    boolean trySend(InetSocketAddress destination, byte[] bytes) throws IOException {
        ChannelOutboundBuffer queued = channel.unsafe().outboundBuffer();
        InetAddress address = destination.getAddress();
        // isEmpty() sees flushed datagrams only; the pending bytes count those written but not flushed too.
        if (queued == null || !queued.isEmpty() || queued.totalPendingWriteBytes() > 0
                || address == null || !channel.isActive()) {
            return false;
        }
        scratch.clear();
        scratch.put(bytes);
        return socket.sendTo(scratch, 0, bytes.length, address, destination.getPort()) > 0;
    }
}
