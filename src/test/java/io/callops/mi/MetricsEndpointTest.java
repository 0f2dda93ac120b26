package io.callops.mi;

import static org.assertj.core.api.Assertions.assertThat;

import io.callops.testsupport.TestProxy;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prometheus scrapes GET /metrics on the MI port and sees the SIP counters move. */
class MetricsEndpointTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(int port, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Micrometer holds the object a counter reads through a weak reference; a counter that
     * reads a method reference made at registration would freeze at its last value after the
     * first garbage collection.
     */
    @Test
    void countersStillMoveAfterGarbageCollections() throws Exception {
        try (TestProxy proxy = TestProxy.start(); DatagramSocket phone = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            assertThat(get(proxy.miPort(), "/metrics", null).body()).contains("callops_sip_requests_rejected_total 0.0");
            collectGarbage();
            String options = "OPTIONS sip:x@127.0.0.1:" + proxy.port() + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + phone.getLocalPort() + ";branch=z9hG4bKmetgc;rport\r\n"
                    + "Max-Forwards: 0\r\nFrom: <sip:t@127.0.0.1>;tag=1\r\nTo: <sip:x@127.0.0.1>\r\n"
                    + "Call-ID: met-gc\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
            byte[] b = options.getBytes(StandardCharsets.US_ASCII);
            phone.setSoTimeout(3000);
            phone.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), proxy.port()));
            phone.receive(new DatagramPacket(new byte[2048], 2048)); // the 483

            // An INVITE relayed to a host that is not ours: a dialog is tracked for it.
            try (DatagramSocket callee = new DatagramSocket(0, InetAddress.getByName("127.0.0.2"))) {
                callee.setSoTimeout(3000);
                String invite = "INVITE sip:bob@127.0.0.2:" + callee.getLocalPort() + " SIP/2.0\r\n"
                        + "Via: SIP/2.0/UDP 127.0.0.1:" + phone.getLocalPort() + ";branch=z9hG4bKmetgc2;rport\r\n"
                        + "Max-Forwards: 70\r\nFrom: <sip:t@127.0.0.1>;tag=1\r\nTo: <sip:bob@127.0.0.2>\r\n"
                        + "Call-ID: met-gc2\r\nCSeq: 1 INVITE\r\nContact: <sip:t@127.0.0.1:" + phone.getLocalPort() + ">\r\n"
                        + "Content-Length: 0\r\n\r\n";
                byte[] i = invite.getBytes(StandardCharsets.US_ASCII);
                phone.send(new DatagramPacket(i, i.length, InetAddress.getLoopbackAddress(), proxy.port()));
                callee.receive(new DatagramPacket(new byte[4096], 4096)); // the relayed INVITE
            }

            String body = get(proxy.miPort(), "/metrics", null).body();
            assertThat(body)
                    .contains("callops_sip_requests_rejected_total 1.0")
                    .contains("callops_dialogs_tracked_total 1.0");
            // The collection forced above is counted, read from the collector beans.
            assertThat(body.lines().filter(l -> l.startsWith("jvm_gc_pause_seconds_count{"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum())
                    .isGreaterThanOrEqualTo(1.0);
        }
    }

    /** Returns once a collection has run (a weakly held object is gone). */
    private static void collectGarbage() throws InterruptedException {
        java.lang.ref.WeakReference<Object> sentinel = new java.lang.ref.WeakReference<>(new Object());
        for (int i = 0; i < 100 && sentinel.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertThat(sentinel.get()).as("a garbage collection ran").isNull();
    }

    @Test
    void countersFollowRealTrafficInPrometheusFormat() throws Exception {
        try (TestProxy proxy = TestProxy.start(); DatagramSocket phone = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            phone.setSoTimeout(3000);
            String options = "OPTIONS sip:x@127.0.0.1:" + proxy.port() + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + phone.getLocalPort() + ";branch=z9hG4bKmet1;rport\r\n"
                    + "Max-Forwards: 0\r\nFrom: <sip:t@127.0.0.1>;tag=1\r\nTo: <sip:x@127.0.0.1>\r\n"
                    + "Call-ID: met-1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
            byte[] b = options.getBytes(StandardCharsets.US_ASCII);
            phone.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), proxy.port()));
            phone.receive(new DatagramPacket(new byte[2048], 2048)); // the 483

            HttpResponse<String> r = get(proxy.miPort(), "/metrics", null);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
            assertThat(r.body())
                    .contains("callops_sip_requests_total{method=\"OPTIONS\"} 1.0")
                    .contains("callops_sip_replies_sent_total{class=\"4xx\"} 1.0")
                    .contains("callops_sip_requests_rejected_total 1.0")
                    .contains("callops_transactions_active{side=\"server\"}")
                    .contains("callops_registrar_bindings 0.0")
                    .contains("jvm_memory_used_bytes")
                    .contains("process_cpu_usage")
                    .doesNotContain("met-1"); // never a Call-ID in a label

            HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.miPort() + "/metrics"))
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
        }
    }

    @Test
    void aTokenProtectsTheMetricsToo() throws Exception {
        try (TestProxy proxy = TestProxy.start(Map.of("mi.token", "s3cret"))) {
            assertThat(get(proxy.miPort(), "/metrics", null).statusCode()).isEqualTo(401);
            assertThat(get(proxy.miPort(), "/metrics", "s3cret").statusCode()).isEqualTo(200);
        }
    }
}
