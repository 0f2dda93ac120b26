package io.callops.testsupport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/** SIP text over plain UDP sockets on loopback, for tests that play a phone by hand. */
public final class UdpText {
    private UdpText() {
    }

    /** A datagram received: its text and the port it came from. */
    public record Received(String text, int fromPort) {
    }

    public static void send(DatagramSocket from, int port, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        from.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
    }

    /**
     * The next datagram starting with {@code start}, skipping others (100 Trying,
     * retransmissions); waits as long as the socket's timeout for each.
     */
    public static Received receive(DatagramSocket s, String start) throws IOException {
        for (int i = 0; i < 20; i++) {
            DatagramPacket p = new DatagramPacket(new byte[8192], 8192);
            s.receive(p);
            String text = new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII);
            if (text.startsWith(start)) {
                return new Received(text, p.getPort());
            }
        }
        throw new AssertionError("no message starting with " + start);
    }
}
