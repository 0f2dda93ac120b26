package io.callops.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.callops.testsupport.FreePorts;
import io.callops.testsupport.OptionsProbe;
import io.callops.testsupport.Sipp;
import io.callops.testsupport.SippAvailable;
import io.callops.testsupport.TestProxy;
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

            // The callee saw the proxy's Via on the worker ports in every INVITE and BYE, both
            // workers' over the calls. (A 2xx ACK gets no answer: it keeps the listen port.)
            Set<Integer> viaPorts = new HashSet<>();
            int requests = 0;
            for (String message : callee.messageTrace().split("\n-{20,}")) {
                String body = message.substring(message.indexOf('\n') + 1);
                String firstLine = body.lines().filter(l -> !l.isBlank() && !l.contains("message received")).findFirst().orElse("");
                if (firstLine.startsWith("INVITE ") || firstLine.startsWith("BYE ")) {
                    Matcher m = VIA_PORT.matcher(body);
                    assertThat(m.find()).as("our Via in %s", firstLine).isTrue();
                    viaPorts.add(Integer.parseInt(m.group(1)));
                    requests++;
                }
            }
            assertThat(requests).isEqualTo(2 * CALLS);
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
