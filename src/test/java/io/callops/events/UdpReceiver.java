package io.callops.events;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A UDP event subscriber on a free loopback port. */
final class UdpReceiver implements AutoCloseable {
    private final DatagramSocket socket;

    UdpReceiver() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setReceiveBufferSize(1 << 20);
    }

    String socketText() {
        return "udp:127.0.0.1:" + socket.getLocalPort();
    }

    /** The next datagram as text, or null when none comes within {@code wait}. */
    String next(Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        DatagramPacket p = new DatagramPacket(new byte[65536], 65536);
        try {
            socket.receive(p);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        socket.close();
    }
}
