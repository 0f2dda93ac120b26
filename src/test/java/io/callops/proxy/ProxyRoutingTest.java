package io.callops.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.callops.testsupport.FreePorts;
import io.callops.testsupport.TestProxy;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Routing rules of RFC 3261 §16 checked on the wire with plain sockets as the phones. */
class ProxyRoutingTest {

    private static String invite(String ruri, int fromPort, String callId, String extraHeaders, int bodySize) {
        String body = "v=0\r\n" + "a=x-pad:" + "p".repeat(Math.max(0, bodySize)) + "\r\n";
        return "INVITE " + ruri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + fromPort + ";branch=z9hG4bK" + callId + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:alice@127.0.0.1>;tag=a1\r\n"
                + "To: <sip:bob@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:alice@127.0.0.1:" + fromPort + ">\r\n"
                + extraHeaders
                + "Content-Type: application/sdp\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private static void send(DatagramSocket s, String msg, int port) throws IOException {
        byte[] b = msg.getBytes(StandardCharsets.UTF_8);
        s.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), port));
    }

    /** The next message on the socket whose start line starts with {@code prefix} (others skipped). */
    private static String receive(DatagramSocket s, String prefix) throws IOException {
        s.setSoTimeout(5000);
        while (true) {
            DatagramPacket p = new DatagramPacket(new byte[65536], 65536);
            s.receive(p);
            String m = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
            if (m.startsWith(prefix)) {
                return m;
            }
        }
    }

    private static DatagramSocket udp() throws IOException {
        return new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
    }

    @Test
    void aRequestThatComesBackUnchangedIsALoop482() throws Exception {
        int port = FreePorts.udpAndTcp();
        // The route for bob points at the proxy itself: the relayed INVITE returns unchanged.
        try (TestProxy proxy = TestProxy.start(Map.of(
                "listen", java.util.List.of("udp:127.0.0.1:" + port),
                "routes", Map.of("bob", "sip:127.0.0.1:" + port)));
             DatagramSocket phone = udp()) {
            send(phone, invite("sip:bob@example.org", phone.getLocalPort(), "loop1", "", 10), proxy.port());
            String answer = receive(phone, "SIP/2.0 4");
            assertThat(answer).startsWith("SIP/2.0 482 Loop Detected");
            assertThat(proxy.server().services().stats().loops.sum()).isEqualTo(1);
        }
    }

    @Test
    void changingTransportRecordRoutesTwiceAndTheCalleeSeesBothInterfaces() throws Exception {
        try (ServerSocket callee = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             TestProxy proxy = TestProxy.start(Map.of("routes",
                     Map.of("bob", "sip:127.0.0.1:" + callee.getLocalPort() + ";transport=tcp")));
             DatagramSocket phone = udp()) {
            callee.setSoTimeout(5000);
            send(phone, invite("sip:bob@example.org", phone.getLocalPort(), "rr2", "", 10), proxy.port());
            try (Socket c = callee.accept()) {
                String got = readHeaders(c.getInputStream());
                assertThat(got).startsWith("INVITE sip:bob@example.org SIP/2.0\r\n");
                assertThat(got).contains("Via: SIP/2.0/TCP 127.0.0.1:" + proxy.port() + ";branch=z9hG4bK");
                int tcpRr = got.indexOf("Record-Route: <sip:127.0.0.1:" + proxy.port() + ";transport=tcp;lr>");
                int udpRr = got.indexOf("Record-Route: <sip:127.0.0.1:" + proxy.port() + ";lr>");
                assertThat(tcpRr).isNotNegative();
                assertThat(udpRr).isGreaterThan(tcpRr); // the top entry faces the callee
                assertThat(got).contains("Max-Forwards: 69\r\n");
            }
        }
    }

    @Test
    void aRelayedInviteGetsOne100TryingAndOneAnsweredByRoutingGetsNone() throws Exception {
        try (DatagramSocket callee = udp(); DatagramSocket phone = udp();
             TestProxy proxy = TestProxy.start(Map.of("routes", Map.of("bob", "sip:127.0.0.1:" + callee.getLocalPort())))) {
            send(phone, invite("sip:bob@example.org", phone.getLocalPort(), "try1", "", 10), proxy.port());
            assertThat(receive(callee, "INVITE ")).contains("Call-ID: try1\r\n");
            assertThat(receive(phone, "SIP/2.0 ")).startsWith("SIP/2.0 100 Trying\r\n").contains("Call-ID: try1\r\n");

            // Our domain, nobody registered: routing answers 404 at once, so no 100 comes first.
            send(phone, invite("sip:nobody@127.0.0.1", phone.getLocalPort(), "try2", "", 10), proxy.port());
            assertThat(receive(phone, "SIP/2.0 ")).startsWith("SIP/2.0 404 ").contains("Call-ID: try2\r\n");
            phone.setSoTimeout(300);
            DatagramPacket p = new DatagramPacket(new byte[65536], 65536);
            try {
                phone.receive(p);
                String extra = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
                assertThat(extra).doesNotStartWith("SIP/2.0 100");
            } catch (SocketTimeoutException expected) {
                // nothing else came
            }
        }
    }

    @Test
    void recordRouteCanBeSwitchedOff() throws Exception {
        try (DatagramSocket callee = udp(); DatagramSocket phone = udp();
             TestProxy proxy = TestProxy.start(Map.of("sip.record_route", false,
                     "routes", Map.of("bob", "sip:127.0.0.1:" + callee.getLocalPort())))) {
            send(phone, invite("sip:bob@example.org", phone.getLocalPort(), "norr1", "", 10), proxy.port());
            String got = receive(callee, "INVITE ");
            assertThat(got).doesNotContain("Record-Route");
            assertThat(got).contains("Via: SIP/2.0/UDP 127.0.0.1:" + proxy.port());
        }
    }

    @Test
    void aLargeRequestMovesFromUdpToTcp() throws Exception {
        int calleePort = FreePorts.udpAndTcp();
        try (ServerSocket callee = new ServerSocket(calleePort, 5, InetAddress.getLoopbackAddress());
             TestProxy proxy = TestProxy.start(Map.of("routes", Map.of("bob", "sip:127.0.0.1:" + calleePort)));
             DatagramSocket phone = udp()) {
            callee.setSoTimeout(5000);
            send(phone, invite("sip:bob@example.org", phone.getLocalPort(), "big1", "", 1500), proxy.port());
            try (Socket c = callee.accept()) {
                assertThat(readHeaders(c.getInputStream())).contains("Via: SIP/2.0/TCP 127.0.0.1:" + proxy.port());
            }
        }
    }

    @Test
    void aLargeRequestFallsBackToUdpWhenTcpIsRefused() throws Exception {
        try (DatagramSocket callee = udp();
             TestProxy proxy = TestProxy.start(Map.of("routes", Map.of("bob", "sip:127.0.0.1:" + callee.getLocalPort())));
             DatagramSocket phone = udp()) {
            send(phone, invite("sip:bob@example.org", phone.getLocalPort(), "big2", "", 1500), proxy.port());
            String got = receive(callee, "INVITE ");
            assertThat(got).contains("Via: SIP/2.0/UDP 127.0.0.1:" + proxy.port());
        }
    }

    @Test
    void afterAStrictRouterTheLastRouteBecomesTheRequestUri() throws Exception {
        try (DatagramSocket callee = udp(); DatagramSocket phone = udp();
             TestProxy proxy = TestProxy.start()) {
            // RFC 3261 §16.4: the Request-URI is our Record-Route value, so the previous hop was a
            // strict router and the real target is the last Route.
            String bye = "BYE sip:127.0.0.1:" + proxy.port() + ";lr SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + phone.getLocalPort() + ";branch=z9hG4bKstrict1;rport\r\n"
                    + "Route: <sip:bob@127.0.0.1:" + callee.getLocalPort() + ">\r\n"
                    + "Max-Forwards: 70\r\nFrom: <sip:alice@127.0.0.1>;tag=a1\r\nTo: <sip:bob@127.0.0.1>;tag=b1\r\n"
                    + "Call-ID: strict1\r\nCSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n";
            send(phone, bye, proxy.port());
            String got = receive(callee, "BYE ");
            assertThat(got).startsWith("BYE sip:bob@127.0.0.1:" + callee.getLocalPort() + " SIP/2.0\r\n");
            assertThat(got).doesNotContain("Route:");
        }
    }

    @Test
    void aRouterOfOurOwnIsLoadedByClassName() throws Exception {
        try (TestProxy proxy = TestProxy.start(Map.of("router.class", RejectEverythingRouter.class.getName()));
             DatagramSocket phone = udp()) {
            send(phone, invite("sip:bob@example.org", phone.getLocalPort(), "own1", "", 10), proxy.port());
            assertThat(receive(phone, "SIP/2.0 4")).startsWith("SIP/2.0 488 Not Acceptable Here");
        }
    }

    @Test
    void anUnknownRouterClassStopsTheStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> TestProxy.start(Map.of("router.class", "com.example.NoSuchRouter")).close())
                .hasMessageContaining("com.example.NoSuchRouter");
    }

    private static String readHeaders(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        try {
            int c;
            while ((c = in.read()) >= 0) {
                sb.append((char) c);
                if (sb.length() >= 4 && sb.substring(sb.length() - 4).equals("\r\n\r\n")) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            // return what arrived
        }
        return sb.toString();
    }
}
