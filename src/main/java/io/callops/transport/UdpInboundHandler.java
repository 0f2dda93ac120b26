package io.callops.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads datagrams from one UDP listen socket. Each datagram is one message (RFC 3261 §18.3):
 * it is copied once, out of the pooled direct buffer into a {@code byte[]} of its exact size
 * that the parsed message keeps, and then the buffer goes back to the pool.
 */
final class UdpInboundHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    private static final Logger log = LoggerFactory.getLogger(UdpInboundHandler.class);

    private InetSocketAddress local; // the bound address, known once the channel is active
    private FlowCache flows;
    private final InboundDispatcher dispatcher;
    private final TransportStats stats;

    UdpInboundHandler(InboundDispatcher dispatcher, TransportStats stats) {
        super(true); // release each datagram after channelRead0
        this.dispatcher = dispatcher;
        this.stats = stats;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        local = (InetSocketAddress) ctx.channel().localAddress();
        flows = new FlowCache(TransportType.UDP, local);
        ctx.channel().attr(FlowCache.KEY).set(flows); // the sender's too (UdpSender)
        super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        ByteBuf content = packet.content();
        int size = content.readableBytes();
        stats.datagramsReceived.increment();
        stats.bytesReceived.add(size);
        if (isBlank(content)) {
            // CRLF keep-alives: RFC 5626 §4.4.1 uses STUN on UDP, but many phones send CRLF.
            return;
        }
        byte[] bytes = new byte[size];
        content.getBytes(content.readerIndex(), bytes);
        dispatcher.deliver(bytes, flows.flowTo(packet.sender()));
    }

    private static boolean isBlank(ByteBuf b) {
        return b.forEachByte(c -> c == '\r' || c == '\n' || c == ' ' || c == '\t') == -1;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A UDP socket serves every peer: one bad read must never close it.
        log.debug("UDP socket {}: {}", local, cause.toString());
    }
}
