package io.callops.events;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code tcp:host:port}: the notifications written back to back on one connection, opened when
 * the first event comes and opened again when it broke. A subscriber that stops reading leaves
 * the write pending; its queue then fills and further events are dropped for it alone.
 */
final class TcpDelivery implements Delivery {
    /** After a failed connect, events are dropped for this long instead of each trying again. */
    private static final long RECONNECT_DELAY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int CONNECT_TIMEOUT_MS = 3000;

    private final HostAddress address;
    private final Bootstrap bootstrap;
    private Channel channel;
    private boolean waitingToReconnect;
    private long reconnectAtNanos;
    private boolean closed;

    TcpDelivery(HostAddress address, EventLoop loop) {
        this.address = address;
        this.bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(DiscardInbound.INSTANCE);
    }

    @Override
    public CompletableFuture<Void> send(RaisedEvent event) {
        if (closed) {
            return CompletableFuture.failedFuture(new ClosedChannelException());
        }
        byte[] json = event.json();
        if (channel != null && channel.isActive()) {
            return write(channel, json);
        }
        if (channel != null) {
            channel.close();
            channel = null;
        }
        if (waitingToReconnect && System.nanoTime() - reconnectAtNanos < 0) {
            return CompletableFuture.failedFuture(new ConnectException("not reconnected yet after a failed connect"));
        }
        waitingToReconnect = false;
        ChannelFuture registered = bootstrap.register();
        Channel pending = registered.channel();
        channel = pending; // so that close() during the connect closes it too
        return NettyFutures.toCompletable(registered)
                .thenCombine(address.resolve(), (v, to) -> to)
                .thenCompose(to -> connected(pending.connect(to)))
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        pending.close();
                        pending.eventLoop().execute(this::delayReconnect);
                    }
                })
                .thenCompose(ch -> write(ch, json));
    }

    private void delayReconnect() {
        waitingToReconnect = true;
        reconnectAtNanos = System.nanoTime() + RECONNECT_DELAY_NANOS;
    }

    private static CompletableFuture<Channel> connected(ChannelFuture f) {
        return NettyFutures.toCompletable(f).thenApply(v -> f.channel());
    }

    private static CompletableFuture<Void> write(Channel ch, byte[] json) {
        return NettyFutures.toCompletable(ch.writeAndFlush(Unpooled.wrappedBuffer(json)));
    }

    @Override
    public void close() {
        closed = true;
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
