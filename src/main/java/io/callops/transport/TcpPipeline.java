package io.callops.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/** Sets up the handlers of a new TCP connection and gives it its connection id. */
final class TcpPipeline extends ChannelInitializer<Channel> {
    private final boolean accepted;
    private final TransportContext context;

    TcpPipeline(boolean accepted, TransportContext context) {
        this.accepted = accepted;
        this.context = context;
    }

    @Override
    protected void initChannel(Channel ch) {
        long idleMillis = context.settings().tcpIdleTimeout().toMillis();
        ch.pipeline().addLast("idle", new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS));
        ch.pipeline().addLast("sip", new TcpConnectionHandler(context.connections().nextId(), accepted, context));
    }

    /** The id given to {@code ch} by {@link #initChannel}. */
    static long connectionId(Channel ch) {
        return ((TcpConnectionHandler) ch.pipeline().get("sip")).id();
    }
}
