package io.callops.events;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribers only receive; whatever they send back is read and thrown away so their socket
 * buffers never fill, and a broken connection is closed so that the next event reconnects.
 */
@ChannelHandler.Sharable
final class DiscardInbound extends ChannelInboundHandlerAdapter {
    static final DiscardInbound INSTANCE = new DiscardInbound();
    private static final Logger log = LoggerFactory.getLogger(DiscardInbound.class);

    private DiscardInbound() {}

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("event subscriber connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
