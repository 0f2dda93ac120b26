package io.callops.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callops.mi.MiClient;
import io.callops.testsupport.FreePorts;
import io.callops.testsupport.OptionsProbe;
import io.callops.testsupport.Sipp;
import io.callops.testsupport.SippAvailable;
import io.callops.testsupport.TestProxy;
import io.callops.testsupport.UdpText;
import io.callops.testsupport.UdpText.Received;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code sip.udp_worker_ports}: each worker answers its calls on a UDP port of its own. Real
 * SIPp phones on both sides: the callee answers to where requests come from, the caller sends
 * its in-dialog requests to the first Route, so every message after the INVITE reaches a
 * worker port, and the calls only complete if the proxy recognises those ports as its own.
 */
@ExtendWith(SippAvailable.class)
class WorkerPortsCallFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int CALLS = 12;
    private static final Pattern VIA_PORT = Pattern.compile("Via: SIP/2\\.0/UDP 127\\.0\\.0\\.1:(\\d+);branch=z9hG4bK[^-]"); // SIPp's own branches are z9hG4bK-...

    @Test
    void callsAreAnsweredAndEndedOnTheWorkersOwnPorts() {
        List<Integer> ports = FreePorts.udpAndTcp(2);
        int base = twoFreeUdpPortsInARow();
        Set<Integer> workerPorts = Set.of(base, base + 1);
        try (TestProxy proxy = TestProxy.start(Map.of(
                "routes", Map.of("bob", "sip:127.0.0.1:" + ports.get(0)),
                "sip.workers", 2,
                "sip.udp_worker_ports", base));
             Sipp callee = Sipp.uas("sipp/uas_call.xml", ports.get(0)).calls(CALLS).timeout(WAIT).start();
             Sipp caller = Sipp.uac("sipp/uac_call_to_route.xml", ports.get(1), proxy.address()).service("bob")
                     .calls(CALLS).rate(20).timeout(WAIT).start()) {
            caller.awaitSuccess(WAIT);
            callee.awaitSuccess(WAIT);

            // The caller sent its ACK and BYE to the Record-Route: a worker's own port.
            assertThat(Integer.parseInt(caller.awaitLogLine("route port", WAIT))).isIn(workerPorts);

            // The callee saw the proxy's Via on the worker ports in every INVITE, ACK and BYE,
            // both workers' over the calls.
            Set<Integer> viaPorts = new HashSet<>();
            int requests = 0;
            for (String message : callee.messageTrace().split("\n-{20,}")) {
                String body = message.substring(message.indexOf('\n') + 1);
                String firstLine = body.lines().filter(l -> !l.isBlank() && !l.contains("message received")).findFirst().orElse("");
                if (firstLine.startsWith("INVITE ") || firstLine.startsWith("ACK ") || firstLine.startsWith("BYE ")) {
                    Matcher m = VIA_PORT.matcher(body);
                    assertThat(m.find()).as("our Via in %s", firstLine).isTrue();
                    viaPorts.add(Integer.parseInt(m.group(1)));
                    requests++;
                }
            }
            assertThat(requests).isEqualTo(3 * CALLS);
            assertThat(viaPorts).as("ports in the proxy's Via at the callee").isEqualTo(workerPorts);
        }
    }

    @Test
    void aRequestToAWorkerPortIsAnsweredFromThatPort() throws IOException {
        int base = twoFreeUdpPortsInARow();
        try (TestProxy proxy = TestProxy.start(Map.of("sip.workers", 2, "sip.udp_worker_ports", base))) {
            for (int port : List.of(base, base + 1, proxy.port())) {
                // Max-Forwards 0 to the proxy itself: answered by the proxy (483), whatever thread owns it.
                OptionsProbe.Reply reply = OptionsProbe.exchange(port, "wp-" + port);
                assertThat(reply.text()).startsWith("SIP/2.0 483");
                assertThat(reply.fromPort()).as("the reply's source port (RFC 3581)").isEqualTo(port);
            }
        }
    }

    @Test
    void aRelayedRequestLeavesFromThePortItsViaNames() throws IOException {
        int base = twoFreeUdpPortsInARow();
        try (DatagramSocket bob = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket alice = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             TestProxy proxy = TestProxy.start(Map.of("routes", Map.of("bob", "sip:127.0.0.1:" + bob.getLocalPort()),
                     "sip.workers", 2, "sip.udp_worker_ports", base))) {
            bob.setSoTimeout(3000);
            OptionsProbe.sendFrom(alice, "bob", proxy.port(), "wp-relay", 70);
            DatagramPacket relayed = new DatagramPacket(new byte[4096], 4096);
            bob.receive(relayed);
            String text = new String(relayed.getData(), 0, relayed.getLength(), StandardCharsets.US_ASCII);
            assertThat(relayed.getPort()).as("the relayed copy's source port").isIn(base, base + 1);
            assertThat(text).contains("Via: SIP/2.0/UDP 127.0.0.1:" + relayed.getPort() + ";branch=z9hG4bK");
        }
    }

    /**
     * The ACK of a 2xx and the BYEs the proxy makes itself leave each phone's side from the
     * port that side knows: the callee's from the worker port the INVITE came from (a callee
     * behind a NAT lets in only that), the caller's from the port it called. Each Via names the
     * port its request left from.
     */
    @Test
    void theAckAndTheProxysOwnByesLeaveFromThePortEachPhoneKnows() throws Exception {
        int base = twoFreeUdpPortsInARow();
        String callId = "wp-ack-bye";
        try (DatagramSocket bob = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket alice = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             TestProxy proxy = TestProxy.start(Map.of("routes", Map.of("bob", "sip:127.0.0.1:" + bob.getLocalPort()),
                     "sip.workers", 2, "sip.udp_worker_ports", base))) {
            bob.setSoTimeout(5000);
            alice.setSoTimeout(5000);
            int a = alice.getLocalPort();
            int b = bob.getLocalPort();
            UdpText.send(alice, proxy.port(), "INVITE sip:bob@127.0.0.1:" + proxy.port() + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + a + ";branch=z9hG4bKwpinv;rport\r\nMax-Forwards: 70\r\n"
                    + "From: <sip:alice@127.0.0.1>;tag=a1\r\nTo: <sip:bob@127.0.0.1>\r\nCall-ID: " + callId + "\r\n"
                    + "CSeq: 1 INVITE\r\nContact: <sip:alice@127.0.0.1:" + a + ">\r\nContent-Length: 0\r\n\r\n");

            Received invite = UdpText.receive(bob, "INVITE ");
            int workerPort = invite.fromPort();
            assertThat(workerPort).isIn(base, base + 1);
            StringBuilder ok = new StringBuilder("SIP/2.0 200 OK\r\n");
            invite.text().lines().filter(l -> l.startsWith("Via:") || l.startsWith("Record-Route:") || l.startsWith("From:")
                    || l.startsWith("Call-ID:") || l.startsWith("CSeq:")).forEach(l -> ok.append(l).append("\r\n"));
            ok.append("To: <sip:bob@127.0.0.1>;tag=b1\r\nContact: <sip:bob@127.0.0.1:").append(b)
                    .append(">\r\nContent-Length: 0\r\n\r\n");
            UdpText.send(bob, workerPort, ok.toString());

            Received answered = UdpText.receive(alice, "SIP/2.0 200 ");
            String routes = String.join(", ", answered.text().lines().filter(l -> l.startsWith("Record-Route:"))
                    .map(l -> l.substring("Record-Route:".length()).trim()).toList());
            UdpText.send(alice, proxy.port(), "ACK sip:bob@127.0.0.1:" + b + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + a + ";branch=z9hG4bKwpack;rport\r\nMax-Forwards: 70\r\n"
                    + "Route: " + routes + "\r\nFrom: <sip:alice@127.0.0.1>;tag=a1\r\n"
                    + "To: <sip:bob@127.0.0.1>;tag=b1\r\nCall-ID: " + callId + "\r\nCSeq: 1 ACK\r\n"
                    + "Content-Length: 0\r\n\r\n");

            Received ack = UdpText.receive(bob, "ACK ");
            assertThat(ack.fromPort()).as("the ACK's source port").isEqualTo(workerPort);
            assertThat(topViaPort(ack)).as("the ACK's Via").isEqualTo(workerPort);

            MiClient mi = new MiClient(proxy.miPort());
            awaitConfirmed(mi, callId);
            assertThat(mi.call("dlg_end_dlg", "{\"dialog_id\":\"" + callId + "\"}").get("result").asText()).isEqualTo("OK");

            Received byeToBob = UdpText.receive(bob, "BYE ");
            assertThat(byeToBob.fromPort()).as("the callee's BYE source port").isEqualTo(workerPort);
            assertThat(topViaPort(byeToBob)).as("the callee's BYE Via").isEqualTo(workerPort);
            Received byeToAlice = UdpText.receive(alice, "BYE ");
            assertThat(byeToAlice.fromPort()).as("the caller's BYE source port").isEqualTo(proxy.port());
            assertThat(topViaPort(byeToAlice)).as("the caller's BYE Via").isEqualTo(proxy.port());
        }
    }

    private static int topViaPort(Received r) {
        Matcher m = Pattern.compile("Via: SIP/2\\.0/UDP 127\\.0\\.0\\.1:(\\d+)").matcher(r.text());
        assertThat(m.find()).as("a Via in %s", r.text()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static void awaitConfirmed(MiClient mi, String callId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode list = mi.call("dlg_list", "{\"callid\":\"" + callId + "\"}").get("result").get("Dialogs");
            if (list.size() > 0 && list.get(0).get("state").asInt() == 4) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the dialog of " + callId + " was not confirmed");
    }

    /** A port p such that p and p + 1 are both free for UDP on loopback. */
    private static int twoFreeUdpPortsInARow() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int p = FreePorts.udpAndTcp();
            if (p >= 65_535) {
                continue;
            }
            try (DatagramSocket next = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), p + 1))) {
                return p;
            } catch (IOException busy) {
                // try another
            }
        }
        throw new IllegalStateException("no two free UDP ports in a row on loopback");
    }
}
