package io.callops.transport;

import io.callops.sip.SipStreamFramer;
import io.callops.sip.StreamFrame;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection, accepted or opened by us: cuts the byte stream into messages with a
 * {@link SipStreamFramer} (RFC 3261 §18.3), answers CRLF keep-alive pings (RFC 5626 §3.5.1)
 * and closes the connection when framing is lost or it has been idle too long.
 */
final class TcpConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(TcpConnectionHandler.class);
    private static final byte[] PONG = {'\r', '\n'};

    private final long id;
    private final boolean accepted;
    private final TransportContext context;
    private final SipStreamFramer framer;
    private Flow flow;
    private ChannelHandlerContext ctx;

    TcpConnectionHandler(long id, boolean accepted, TransportContext context) {
        this.id = id;
        this.accepted = accepted;
        this.context = context;
        this.framer = new SipStreamFramer(context.settings().parserLimits());
    }

    long id() {
        return id;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        this.ctx = ctx;
        InetSocketAddress local = (InetSocketAddress) ctx.channel().localAddress();
        InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
        // Connections we open are registered by the connector before this runs, so that no
        // send can slip between "connected" and "registered" and open a second connection.
        if (accepted && !context.connections().register(id, ctx.channel(), remote,
                context.settings().maxTcpConnections())) {
            context.stats().rejectedTcpConnections.increment();
            log.warn("closing TCP connection from {}: limit of {} connections reached", remote,
                    context.settings().maxTcpConnections());
            ctx.close();
            return;
        }
        flow = new Flow(TransportType.TCP, local, remote, id);
        log.debug("TCP connection {} {} {}", id, accepted ? "accepted from" : "opened to", remote);
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            if (flow == null) {
                return; // rejected connection, closing
            }
            int n = buf.readableBytes();
            context.stats().segmentsReceived.increment();
            context.stats().bytesReceived.add(n);
            byte[] chunk = ByteBufUtil.getBytes(buf);
            framer.feed(chunk, 0, n, this::onFrame);
        } finally {
            buf.release();
        }
    }

    private void onFrame(StreamFrame frame) {
        if (frame instanceof StreamFrame.Message m) {
            context.dispatcher().deliver(m.bytes(), flow);
        } else if (frame instanceof StreamFrame.KeepAlivePing) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(PONG));
        } else if (frame instanceof StreamFrame.Error e) {
            // Message boundaries are lost: nothing further on this stream can be trusted.
            context.stats().framingErrors.increment();
            log.info("closing TCP connection from {}: {}", flow.remote(), e.reason());
            ctx.close();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            context.stats().idleTimeoutCloses.increment();
            log.debug("closing idle TCP connection {} to {}", id, ctx.channel().remoteAddress());
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        log.debug("TCP connection {} to {} closed", id, ctx.channel().remoteAddress());
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            log.debug("TCP connection {} to {}: {}", id, ctx.channel().remoteAddress(), cause.toString());
        } else {
            context.stats().internalErrors.increment();
            log.warn("TCP connection {} to {} failed", id, ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
