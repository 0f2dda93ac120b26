package io.callops.events;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletableFuture;

/** {@code udp:host:port}: one datagram per event, from a socket of this subscriber's own. */
final class UdpDelivery implements Delivery {
    private final HostAddress address;
    private final EventLoop loop;
    private CompletableFuture<Channel> bound;
    private boolean closed;

    UdpDelivery(HostAddress address, EventLoop loop) {
        this.address = address;
        this.loop = loop;
    }

    @Override
    public CompletableFuture<Void> send(RaisedEvent event) {
        if (closed) {
            return CompletableFuture.failedFuture(new ClosedChannelException());
        }
        byte[] json = event.json();
        return bound().thenCombine(address.resolve(),
                        (ch, to) -> ch.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(json), to)))
                .thenCompose(NettyFutures::toCompletable);
    }

    /** Bound on first use, so a subscription that never gets an event holds no socket. */
    private CompletableFuture<Channel> bound() {
        if (bound == null || bound.isCompletedExceptionally() || (bound.isDone() && !bound.join().isOpen())) {
            ChannelFuture f = new Bootstrap().group(loop).channel(NioDatagramChannel.class)
                    .handler(DiscardInbound.INSTANCE).bind(0);
            bound = NettyFutures.toCompletable(f).thenApply(v -> f.channel());
        }
        return bound;
    }

    @Override
    public void close() {
        closed = true;
        if (bound != null) {
            bound.thenAccept(Channel::close);
        }
    }
}
