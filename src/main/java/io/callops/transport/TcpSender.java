package io.callops.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.netty.util.concurrent.Promise;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends over TCP: on the connection of a flow, on an open connection to the address, or on a
 * new one. Never blocks: a connect runs on the event loop and the messages sent meanwhile wait
 * as listeners on a promise, in order, so that concurrent senders share one connection.
 */
final class TcpSender {
    private static final Logger log = LoggerFactory.getLogger(TcpSender.class);

    private final Bootstrap bootstrap;
    private final TcpConnections connections;
    private final TransportStats stats;
    /** Connects in progress, so that a second send waits for the first connect. */
    private final ConcurrentHashMap<InetSocketAddress, Promise<Channel>> connecting = new ConcurrentHashMap<>();

    TcpSender(Bootstrap bootstrap, TcpConnections connections, TransportStats stats) {
        this.bootstrap = bootstrap;
        this.connections = connections;
        this.stats = stats;
    }

    void send(Flow flow, byte[] bytes, SendResult result) {
        Channel ch = connections.byId(flow.connectionId());
        if (ch != null) {
            write(ch, bytes, result);
        } else {
            send(flow.remote(), bytes, result);
        }
    }

    void send(InetSocketAddress destination, byte[] bytes, SendResult result) {
        Channel ch = connections.byRemote(destination);
        if (ch != null) {
            write(ch, bytes, result);
            return;
        }
        Promise<Channel> pending = connecting.get(destination);
        if (pending == null) {
            // Completed on the new channel's event loop, whose listeners then write inline and in
            // order, ahead of any send that finds the connection in the registry afterwards.
            Promise<Channel> mine = ImmediateEventExecutor.INSTANCE.newPromise();
            pending = connecting.putIfAbsent(destination, mine);
            if (pending == null) {
                pending = mine;
                connect(destination, mine);
            }
        }
        pending.addListener((Future<Channel> f) -> {
            if (f.isSuccess()) {
                write(f.getNow(), bytes, result);
            } else {
                SendOutcome.failed(stats, result, f.cause());
            }
        });
    }

    private void connect(InetSocketAddress destination, Promise<Channel> promise) {
        Channel already = connections.byRemote(destination);
        if (already != null) {
            // A connect finished between our lookup and our claim on the address.
            connecting.remove(destination, promise);
            promise.setSuccess(already);
            return;
        }
        log.debug("opening TCP connection to {}", destination);
        ChannelFuture cf = bootstrap.connect(destination);
        cf.addListener((ChannelFuture f) -> {
            Channel ch = f.channel();
            if (f.isSuccess() && connections.register(TcpPipeline.connectionId(ch), ch, destination, Integer.MAX_VALUE)) {
                connecting.remove(destination, promise); // after register: no window without either
                promise.setSuccess(ch);
            } else {
                connecting.remove(destination, promise);
                Throwable cause = f.cause() != null ? f.cause() : new IOException("connection to " + destination + " lost");
                log.debug("TCP connect to {} failed: {}", destination, cause.toString());
                ch.close();
                promise.setFailure(cause);
            }
        });
    }

    private void write(Channel ch, byte[] bytes, SendResult result) {
        if (!ch.isWritable()) {
            // The peer does not read: queueing more would only grow our memory.
            SendOutcome.failed(stats, result, new IOException("TCP send buffer to " + ch.remoteAddress() + " is full"));
            return;
        }
        Flow flow = ch.attr(TcpConnections.FLOW).get();
        ch.writeAndFlush(Unpooled.wrappedBuffer(bytes)).addListener(f -> {
            if (f.isSuccess()) {
                SendOutcome.sent(stats, result, flow);
            } else {
                SendOutcome.failed(stats, result, f.cause());
            }
        });
    }
}
