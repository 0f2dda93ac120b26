package io.callops.mi;

import io.callops.api.CommandRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management interface: JSON-RPC 2.0 over HTTP at {@code POST /mi}, on its own event loop
 * of one thread so that management traffic never competes with SIP for the SIP loops.
 */
public final class MiServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MiServer.class);
    /** Connections idle this long are closed, so forgotten clients do not pile up. */
    private static final int IDLE_SECONDS = 60;

    private final EventLoopGroup group;
    private final Channel channel;

    private MiServer(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    /**
     * Binds and starts serving {@code registry}.
     *
     * @throws IllegalStateException when the address is not loopback and no token is set (the
     *                               MI can end calls, so it is never open to the network), or
     *                               when the address cannot be bound
     */
    public static MiServer start(MiSettings settings, CommandRegistry registry) {
        return start(settings, registry, null);
    }

    /**
     * As above, also serving {@code GET /metrics} with the text {@code metrics} gives (the
     * Prometheus exposition format); null for no metrics endpoint.
     */
    public static MiServer start(MiSettings settings, CommandRegistry registry, Supplier<String> metrics) {
        return start(settings, registry, metrics, new MiRequestStats());
    }

    /** As above, counting every request answered in {@code requests}. */
    public static MiServer start(MiSettings settings, CommandRegistry registry, Supplier<String> metrics,
                                 MiRequestStats requests) {
        InetSocketAddress listen = settings.listen();
        if (!listen.getAddress().isLoopbackAddress() && !settings.tokenRequired()) {
            throw new IllegalStateException("MI listen address " + format(listen)
                    + " is not loopback and no mi.token is set: refusing to open the management interface"
                    + " to the network without a token");
        }
        JsonRpcDispatcher dispatcher = new JsonRpcDispatcher(registry, requests);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("mi-http", true),
                NioIoHandler.newFactory());
        try {
            Channel ch = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel c) {
                            c.pipeline().addLast(new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS) {
                                @Override
                                protected void channelIdle(io.netty.channel.ChannelHandlerContext ctx, IdleStateEvent e) {
                                    ctx.close();
                                }
                            });
                            c.pipeline().addLast(new HttpServerCodec());
                            // Answers 413 itself when the body would exceed the limit.
                            c.pipeline().addLast(new HttpObjectAggregator(settings.maxBodyBytes()));
                            c.pipeline().addLast(new MiHttpHandler(dispatcher, settings.token(), metrics));
                        }
                    })
                    .bind(listen).syncUninterruptibly().channel();
            MiServer server = new MiServer(group, ch);
            log.info("management interface listening on http://{}{}", format(server.address()), MiHttpHandler.PATH);
            return server;
        } catch (Exception e) { // Netty rethrows the bind's IOException unchecked
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            throw new IllegalStateException("MI cannot listen on " + format(listen) + ": " + e.getMessage(), e);
        }
    }

    /** The bound address (with the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static String format(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
