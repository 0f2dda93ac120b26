package io.callops.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.callops.testsupport.FreePorts;
import io.callops.testsupport.Sipp;
import io.callops.testsupport.SippAvailable;
import io.callops.testsupport.TestProxy;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every RFC 4475 message that a proxy must refuse, sent over UDP to a running proxy: it gets
 * the status the RFC asks for (400, 416, 420, 483, 501, 505) or nothing when it must be
 * dropped, and the proxy still completes calls afterwards.
 *
 * <p>Responses go where the top Via says (RFC 3261 §18.2.2: the source address and the
 * sent-by port), so the test sends each message from that port on 127.0.0.1 when it is free;
 * the proxy's reply counters are checked in every case.
 */
@Tag("sipp")
@ExtendWith(SippAvailable.class)
class ProxyTortureTest {
    private static final Pattern VIA_PORT = Pattern.compile("(?im)^(?:via|v)\\s*:\\s*SIP\\s*/\\s*[^/]+/\\s*\\S+\\s+[^;:\\s,]+(?::(\\d+))?");

    private record Case(String label, String verdict) {
        int expectedStatus() {
            switch (verdict) {
                case "invalid-400": return 400;
                case "reject-505": return 505;
                case "unsupported-416": return 416;
                default:
                    return verdict.startsWith("reject-other-") ? Integer.parseInt(verdict.substring(13)) : 0;
            }
        }
    }

    private static List<Case> invalidCases() throws IOException {
        List<Case> out = new ArrayList<>();
        String tsv = read("rfc4475/expectations.tsv");
        for (String line : tsv.split("\n")) {
            String[] f = line.split("\t");
            if (f.length < 3 || f[0].equals("label") || f[2].startsWith("valid")) continue;
            out.add(new Case(f[0], f[2]));
        }
        return out;
    }

    @Test
    void everyInvalidTortureMessageIsRefusedAsTheRfcSaysAndCallsStillComplete() throws Exception {
        List<Case> cases = invalidCases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(25);
        int calleePort = FreePorts.udpAndTcp();
        try (TestProxy proxy = TestProxy.start(Map.of("routes", Map.of("bob", "sip:127.0.0.1:" + calleePort)))) {
            ProxyStats stats = proxy.server().services().stats();
            List<String> wireChecked = new ArrayList<>();
            for (Case c : cases) {
                byte[] msg = bytes("rfc4475/" + c.label() + ".dat");
                long before = repliesSent(stats);
                String reply = sendAndReceive(msg, proxy.port(), sentByPort(msg), wireChecked, c.label());
                int expected = c.expectedStatus();
                if (expected == 0) {
                    Thread.sleep(200);
                    assertThat(repliesSent(stats)).as("%s must be dropped", c.label()).isEqualTo(before);
                    assertThat(reply).as("%s must get no answer", c.label()).isNull();
                } else {
                    awaitCount(stats, before + 1);
                    assertThat(stats.repliesSent(expected / 100) > 0).isTrue();
                    assertThat(repliesSent(stats)).as("%s must be answered once", c.label()).isEqualTo(before + 1);
                    if (reply != null) {
                        assertThat(reply).as(c.label()).startsWith("SIP/2.0 " + expected + " ");
                        if (c.label().equals("bext01")) {
                            assertThat(reply).contains("Unsupported: noProxiesSupportThis, norDoAnyProxiesSupportThis");
                        }
                    }
                }
            }
            // On a clean machine the sent-by ports are free, so the replies were seen on the wire.
            assertThat(wireChecked).isNotEmpty();

            try (Sipp callee = Sipp.uas("sipp/uas_call.xml", calleePort).calls(2).timeout(Duration.ofSeconds(20)).start()) {
                try (Sipp caller = Sipp.uac("sipp/uac_call.xml", FreePorts.udpAndTcp(), proxy.address())
                        .service("bob").calls(2).timeout(Duration.ofSeconds(20)).start()) {
                    caller.awaitSuccess(Duration.ofSeconds(25));
                }
                callee.awaitSuccess(Duration.ofSeconds(10));
            }
        }
    }

    private static long repliesSent(ProxyStats s) {
        long n = 0;
        for (int c = 1; c <= 6; c++) n += s.repliesSent(c);
        return n;
    }

    private static void awaitCount(ProxyStats s, long target) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (repliesSent(s) < target && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static int sentByPort(byte[] msg) {
        Matcher m = VIA_PORT.matcher(new String(msg, StandardCharsets.ISO_8859_1));
        return m.find() && m.group(1) != null ? Integer.parseInt(m.group(1)) : 5060;
    }

    /** Sends from 127.0.0.1:sentByPort when free (else from any port) and returns the reply, if any. */
    private static String sendAndReceive(byte[] msg, int proxyPort, int sentByPort, List<String> wireChecked, String label)
            throws IOException {
        DatagramSocket socket;
        boolean replyReachable = true;
        try {
            socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", sentByPort));
        } catch (BindException e) {
            socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
            replyReachable = false;
        }
        try (DatagramSocket s = socket) {
            s.setSoTimeout(replyReachable ? 700 : 50);
            s.send(new DatagramPacket(msg, msg.length, InetAddress.getLoopbackAddress(), proxyPort));
            byte[] buf = new byte[65536];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                s.receive(p);
            } catch (SocketTimeoutException e) {
                if (replyReachable) wireChecked.add(label);
                return null;
            }
            if (replyReachable) wireChecked.add(label);
            return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] bytes(String resource) throws IOException {
        try (InputStream in = ProxyTortureTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        }
    }

    private static String read(String resource) throws IOException {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }
}
