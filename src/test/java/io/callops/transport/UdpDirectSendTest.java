package io.callops.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UdpDirectSendTest {
    private EventLoopGroup group;
    private Channel channel;
    private DatagramSocket peer;

    @AfterEach
    void tearDown() throws Exception {
        if (channel != null) channel.close().sync();
        if (group != null) group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).sync();
        if (peer != null) peer.close();
    }

    private void openEpoll() throws Exception {
        assumeTrue(Epoll.isAvailable(), "native epoll is not available here");
        group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        channel = new Bootstrap().group(group).channel(EpollDatagramChannel.class)
                .handler(new ChannelInboundHandlerAdapter())
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
        peer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        peer.setSoTimeout(5000);
    }

    private <T> T onLoop(Callable<T> task) throws Exception {
        return channel.eventLoop().submit(task).get();
    }

    private byte[] receive() throws Exception {
        java.net.DatagramPacket p = new java.net.DatagramPacket(new byte[65_536], 65_536);
        peer.receive(p);
        return Arrays.copyOf(p.getData(), p.getLength());
    }

    @Test
    void sendsTheDatagramAsItIsUpToTheLargestUdpPayload() throws Exception {
        openEpoll();
        InetSocketAddress to = (InetSocketAddress) peer.getLocalSocketAddress();
        byte[] small = "OPTIONS sip:a@b SIP/2.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] largest = new byte[UdpSender.MAX_PAYLOAD];
        Arrays.fill(largest, (byte) 'x');

        assertThat(onLoop(() -> UdpDirectSend.of(channel).trySend(to, small))).isTrue();
        assertThat(receive()).isEqualTo(small);
        assertThat(onLoop(() -> UdpDirectSend.of(channel).trySend(to, largest))).isTrue();
        assertThat(receive()).isEqualTo(largest);
        // The scratch buffer is reused: a shorter datagram after a long one carries only its own bytes.
        assertThat(onLoop(() -> UdpDirectSend.of(channel).trySend(to, small))).isTrue();
        assertThat(receive()).isEqualTo(small);
    }

    @Test
    void leavesToNettyWhatCannotGoNowAndNeverOvertakesAQueuedDatagram() throws Exception {
        openEpoll();
        InetSocketAddress to = (InetSocketAddress) peer.getLocalSocketAddress();
        byte[] first = "first".getBytes(StandardCharsets.US_ASCII);
        byte[] second = "second".getBytes(StandardCharsets.US_ASCII);

        assertThat(onLoop(() -> UdpDirectSend.of(channel).trySend(
                InetSocketAddress.createUnresolved("nowhere.invalid", 5060), first))).isFalse();
        boolean sentPastTheQueue = onLoop(() -> {
            channel.write(new DatagramPacket(Unpooled.wrappedBuffer(first), to)); // queued, not flushed
            return UdpDirectSend.of(channel).trySend(to, second);
        });
        assertThat(sentPastTheQueue).isFalse();
        onLoop(() -> channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(second), to)));
        assertThat(receive()).isEqualTo(first);
        assertThat(receive()).isEqualTo(second);
    }

    @Test
    void otherChannelsHaveNoDirectSender() throws Exception {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        channel = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .handler(new ChannelInboundHandlerAdapter())
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
        assertThat(UdpDirectSend.of(channel)).isNull();
    }
}
