package io.callops.testsupport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * Sends one OPTIONS with Max-Forwards 0 to a proxy over UDP and returns its reply: a request
 * addressed to the proxy that it must answer itself (483), whatever its routes.
 */
public final class OptionsProbe {
    private OptionsProbe() {}

    /** The reply's text and the port it came from. */
    public record Reply(String text, int fromPort) {}

    public static String send(int port, String callId) throws IOException {
        return exchange(port, callId).text();
    }

    /** As {@link #send}, also telling which port answered (RFC 3581: the one asked). */
    public static Reply exchange(int port, String callId) throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(3000);
            sendFrom(s, "x", port, callId, 0);
            DatagramPacket in = new DatagramPacket(new byte[4096], 4096);
            s.receive(in);
            return new Reply(new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8), in.getPort());
        }
    }

    /** Sends an OPTIONS for {@code user} at the proxy on loopback {@code port} from socket {@code s}. */
    public static void sendFrom(DatagramSocket s, String user, int port, String callId, int maxForwards)
            throws IOException {
        String req = "OPTIONS sip:" + user + "@127.0.0.1:" + port + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + s.getLocalPort() + ";branch=z9hG4bK" + callId + ";rport\r\n"
                + "Max-Forwards: " + maxForwards + "\r\nFrom: <sip:t@127.0.0.1>;tag=1\r\nTo: <sip:" + user
                + "@127.0.0.1>\r\nCall-ID: " + callId + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        byte[] b = req.getBytes(StandardCharsets.US_ASCII);
        s.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), port));
    }
}
