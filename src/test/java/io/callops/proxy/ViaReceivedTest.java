package io.callops.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.callops.testsupport.TestProxy;
import io.callops.testsupport.UdpText;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RFC 3261 §18.2.1 and RFC 3581 §4 on the wire: the proxy records in the caller's Via where the
 * request really came from (and the port, when asked with {@code rport}), and leaves a Via that
 * already tells the truth byte for byte. The answer reaches the caller even when its Via names
 * an address it cannot be reached at, as behind NAT.
 */
class ViaReceivedTest {

    @Test
    void aViaNamingAnotherHostGetsReceived() throws Exception {
        // Without rport the answer goes to the received address and the sent-by port (§18.2.2),
        // which nobody listens on here: only the relayed Via is checked.
        String relayedVia = relayOptions("SIP/2.0/UDP 192.0.2.9:5099;branch=z9hG4bKnat1", "nat1", false);
        assertThat(relayedVia).isEqualTo("SIP/2.0/UDP 192.0.2.9:5099;branch=z9hG4bKnat1;received=127.0.0.1");
    }

    @Test
    void aCallerBehindNatAskingForRportGetsItsAnswerWhereItSentFrom() throws Exception {
        try (DatagramSocket phone = udp()) {
            int port = phone.getLocalPort();
            String relayedVia = relayOptions(phone, "SIP/2.0/UDP 192.0.2.9:5099;branch=z9hG4bKnat4;rport", "nat4", true);
            assertThat(relayedVia).isEqualTo(
                    "SIP/2.0/UDP 192.0.2.9:5099;branch=z9hG4bKnat4;rport=" + port + ";received=127.0.0.1");
        }
    }

    @Test
    void anRportWithoutValueIsFilledWithTheSourcePort() throws Exception {
        try (DatagramSocket phone = udp()) {
            int port = phone.getLocalPort();
            String relayedVia = relayOptions(phone, "SIP/2.0/UDP 127.0.0.1:" + port + ";rport;branch=z9hG4bKnat2", "nat2",
                    true);
            assertThat(relayedVia).isEqualTo(
                    "SIP/2.0/UDP 127.0.0.1:" + port + ";rport=" + port + ";branch=z9hG4bKnat2;received=127.0.0.1");
        }
    }

    @Test
    void aViaThatAlreadyTellsTheTruthIsRelayedAsItCame() throws Exception {
        try (DatagramSocket phone = udp()) {
            String via = "SIP/2.0/UDP 127.0.0.1:" + phone.getLocalPort() + ";branch=z9hG4bKnat3;rport=" + phone.getLocalPort();
            assertThat(relayOptions(phone, via, "nat3", true)).isEqualTo(via);
        }
    }

    private static String relayOptions(String via, String callId, boolean answer) throws IOException {
        try (DatagramSocket phone = udp()) {
            return relayOptions(phone, via, callId, answer);
        }
    }

    /**
     * Sends an OPTIONS with this top Via from {@code phone} through a proxy to a callee socket,
     * answers it there, checks the 200 comes back to the phone, and returns the caller's Via as
     * the callee saw it (the second one).
     */
    private static String relayOptions(DatagramSocket phone, String via, String callId, boolean answer)
            throws IOException {
        try (DatagramSocket callee = udp();
             TestProxy proxy = TestProxy.start(Map.of("routes", Map.of("bob", "sip:127.0.0.1:" + callee.getLocalPort())))) {
            UdpText.send(phone, proxy.port(), "OPTIONS sip:bob@127.0.0.1 SIP/2.0\r\nVia: " + via + "\r\nMax-Forwards: 70\r\n"
                    + "From: <sip:alice@127.0.0.1>;tag=a1\r\nTo: <sip:bob@127.0.0.1>\r\nCall-ID: " + callId + "\r\n"
                    + "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");
            String relayed = UdpText.receive(callee, "OPTIONS ").text();
            String[] vias = relayed.lines().filter(l -> l.startsWith("Via: ")).map(l -> l.substring(5))
                    .toArray(String[]::new);
            assertThat(vias).hasSize(2);
            if (answer) {
                StringBuilder ok = new StringBuilder("SIP/2.0 200 OK\r\n");
                relayed.lines().filter(l -> l.startsWith("Via: ") || l.startsWith("From: ") || l.startsWith("To: ")
                        || l.startsWith("Call-ID: ") || l.startsWith("CSeq: ")).forEach(l -> ok.append(l).append("\r\n"));
                UdpText.send(callee, proxy.port(), ok.append("Content-Length: 0\r\n\r\n").toString());
                assertThat(UdpText.receive(phone, "SIP/2.0 ").text()).startsWith("SIP/2.0 200 OK");
            }
            return vias[1];
        }
    }

    private static DatagramSocket udp() throws IOException {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        s.setSoTimeout(5000);
        return s;
    }
}
