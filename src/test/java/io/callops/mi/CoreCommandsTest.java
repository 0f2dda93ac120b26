package io.callops.mi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.callops.testsupport.FreePorts;
import io.callops.testsupport.TestProxy;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core commands against a real proxy, over HTTP. */
class CoreCommandsTest {
    @TempDir
    Path dir;
    private Path routes;
    private TestProxy proxy;
    private MiClient mi;

    @BeforeEach
    void start() throws Exception {
        routes = dir.resolve("routes.yaml");
        Files.writeString(routes, "\"100\": \"sip:10.0.0.1:5060\"\n");
        proxy = TestProxy.start(Map.of("mi.listen", "127.0.0.1:" + FreePorts.udpAndTcp(), "routes_file", routes.toString()));
        mi = new MiClient(proxy.miPort());
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    private static String data(JsonNode answer) {
        assertThat(answer.path("error").path("code").asInt()).as(answer.toString()).isEqualTo(-32602);
        assertThat(answer.path("error").path("message").asText()).isEqualTo("Invalid params");
        return answer.path("error").path("data").asText();
    }

    @Test
    void versionUptimeAndWhich() throws Exception {
        assertThat(mi.call("version", null).path("result").path("Server").asText()).isEqualTo("callops dev");
        JsonNode up = mi.call("uptime", null).path("result");
        assertThat(up.path("Now").asText()).matches("\\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}");
        assertThat(up.path("Up since").asText()).isNotEmpty();
        assertThat(up.path("Up time").asText()).matches("\\d+ \\[sec]");
        List<String> names = new ArrayList<>();
        mi.call("which", null).path("result").forEach(n -> names.add(n.asText()));
        assertThat(names).contains("version", "uptime", "which", "get_statistics", "ul_dump", "reload_routes").isSorted();
        assertThat(data(mi.call("version", "{\"x\":1}"))).contains("Unexpected parameter 'x'");
        assertThat(data(mi.call("uptime", "[1]"))).contains("position 1");
        assertThat(data(mi.call("which", "{\"y\":1}"))).contains("'y'");
    }

    @Test
    void ulDumpAndUsrlocStatisticsShowARegistration() throws Exception {
        try (DatagramSocket phone = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            phone.setSoTimeout(5000);
            int p = phone.getLocalPort();
            String reg = "REGISTER sip:127.0.0.1 SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + p + ";branch=z9hG4bKmi1;rport\r\n"
                    + "Max-Forwards: 70\r\nTo: <sip:alice@127.0.0.1>\r\nFrom: <sip:alice@127.0.0.1>;tag=a1\r\n"
                    + "Call-ID: mi-reg-1\r\nCSeq: 7 REGISTER\r\nContact: <sip:alice@127.0.0.1:" + p + ">;expires=600\r\n"
                    + "User-Agent: mi-test\r\nContent-Length: 0\r\n\r\n";
            byte[] b = reg.getBytes(StandardCharsets.US_ASCII);
            phone.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), proxy.port()));
            DatagramPacket in = new DatagramPacket(new byte[4096], 4096);
            phone.receive(in);
            assertThat(new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8)).startsWith("SIP/2.0 200");

            JsonNode aors = mi.call("ul_dump", null).path("result").path("Domains").get(0).path("AORs");
            assertThat(aors).hasSize(1);
            assertThat(aors.get(0).path("AOR").asText()).isEqualTo("sip:alice@127.0.0.1");
            JsonNode c = aors.get(0).path("Contacts").get(0);
            assertThat(c.path("Contact").asText()).isEqualTo("sip:alice@127.0.0.1:" + p);
            assertThat(c.path("Expires").asLong()).isBetween(590L, 600L);
            assertThat(c.path("Q").asDouble()).isEqualTo(1.0);
            assertThat(c.path("Callid").asText()).isEqualTo("mi-reg-1");
            assertThat(c.path("Cseq").asLong()).isEqualTo(7);
            assertThat(c.path("User-agent").asText()).isEqualTo("mi-test");
            assertThat(c.path("Received").asText()).isEqualTo("udp:127.0.0.1:" + p);

            JsonNode usrloc = mi.call("get_statistics", "{\"statistics\":[\"usrloc:\"]}").path("result");
            assertThat(usrloc.path("usrloc:registered_contacts").asLong()).isEqualTo(1);
            assertThat(usrloc.path("usrloc:registered_aors").asLong()).isEqualTo(1);
            assertThat(mi.call("get_statistics", "[[\"core:rcv_requests\"]]").path("result")
                    .path("core:rcv_requests").asLong()).isGreaterThanOrEqualTo(1);
        }
        assertThat(data(mi.call("ul_dump", "{\"aor\":\"x\"}"))).contains("'aor'");
    }

    @Test
    void getStatistics() throws Exception {
        mi.call("version", null);
        JsonNode all = mi.call("get_statistics", "{\"statistics\":[\"all\"]}").path("result");
        List<String> names = new ArrayList<>();
        all.fieldNames().forEachRemaining(names::add);
        // The MI's own requests come last, by command: so far the one version call.
        assertThat(names).containsExactly("core:rcv_requests", "core:rcv_replies", "core:fwd_requests",
                "core:drop_requests", "core:err_requests", "tm:inuse_transactions", "tm:retransmissions", "tm:timeouts",
                "usrloc:registered_contacts", "usrloc:registered_aors", "net:tcp_connections", "events:raised",
                "events:delivered", "events:dropped", "events:subscribers", "dialog:active_dialogs",
                "dialog:early_dialogs", "dialog:processed_dialogs", "dialog:expired_dialogs", "dialog:failed_dialogs",
                "dialog:recovered_dialogs", "dialog:requests_sent", "dialog:requests_failed", "dialog:store_writes",
                "dialog:store_failures", "callops:transfers_started", "callops:transfers_ok",
                "callops:transfers_failed", "callops:transfer_notifies", "callops:forged_links",
                "callops:stale_links", "mi:requests", "mi:errors", "mi:version_requests", "mi:version_errors");
        all.forEach(v -> assertThat(v.isIntegralNumber()).isTrue());
        JsonNode some = mi.call("get_statistics", "{\"statistics\":[\"tm:timeouts\",\"tcp_connections\",\"no:such\",\"x\"]}")
                .path("result");
        assertThat(some.toString()).isEqualTo("{\"tm:timeouts\":0,\"net:tcp_connections\":0}");
        assertThat(mi.call("get_statistics", "{\"statistics\":\"tm:\"}").path("result").size()).isEqualTo(3);
        assertThat(data(mi.call("get_statistics", null))).contains("Missing parameter 'statistics'");
        assertThat(data(mi.call("get_statistics", "{\"stats\":[\"all\"]}"))).contains("'stats'");
        assertThat(data(mi.call("get_statistics", "{\"statistics\":5}"))).contains("'statistics'");
        assertThat(data(mi.call("get_statistics", "{\"statistics\":[1]}"))).contains("'statistics'");
    }

    @Test
    void reloadRoutes() throws Exception {
        assertThat(mi.call("reload_routes", null).path("result").path("routes").asInt()).isEqualTo(1);
        Files.writeString(routes, "\"100\": \"sip:10.0.0.1:5060\"\n\"200\": \"sip:10.0.0.2:5060\"\n");
        assertThat(mi.call("reload_routes", null).path("result").path("routes").asInt()).isEqualTo(2);
        assertThat(proxy.server().services().routes().size()).isEqualTo(2);

        Files.writeString(routes, "\"300\": [not, a, uri]\n");
        JsonNode bad = mi.call("reload_routes", null);
        assertThat(bad.path("error").path("code").asInt()).as(bad.toString()).isEqualTo(500);
        assertThat(bad.path("error").path("message").asText()).startsWith("Routes not reloaded: ").contains("'300'");
        assertThat(proxy.server().services().routes().size()).as("old table kept").isEqualTo(2);
        assertThat(data(mi.call("reload_routes", "{\"file\":\"x\"}"))).contains("'file'");
    }

    @Test
    void bodyOverOneMebibyteIs413() throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"method\":\"version\",\"id\":1,\"params\":{\"x\":\"" + "a".repeat(1_048_577) + "\"}}";
        HttpResponse<String> r = mi.post(body);
        assertThat(r.statusCode()).isEqualTo(413);
    }

    @Test
    void readmeCurlExamplesWork() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl installed");
        List<String> commands = Files.readAllLines(Path.of("README.md")).stream()
                .filter(l -> l.startsWith("curl -s -X POST http://127.0.0.1:8888/mi")).toList();
        assertThat(commands).hasSize(3);
        List<String> outputs = new ArrayList<>();
        for (String cmd : commands) {
            Process p = new ProcessBuilder("sh", "-c", cmd.replace("127.0.0.1:8888", "127.0.0.1:" + proxy.miPort()))
                    .redirectErrorStream(true).start();
            try {
                assertThat(p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                outputs.add(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } finally {
                p.destroyForcibly();
            }
        }
        assertThat(outputs.get(0)).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":{\"Server\":\"callops dev\"},\"id\":1}");
        assertThat(outputs.get(1)).startsWith("{\"jsonrpc\":\"2.0\",\"result\":{\"tm:inuse_transactions\":");
        assertThat(outputs.get(2)).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":{\"Events\":["
                + "{\"name\":\"E_DLG_STATE_CHANGED\",\"id\":0},{\"name\":\"E_CALL_TRANSFER\",\"id\":1},"
                + "{\"name\":\"E_CALL_HOLD\",\"id\":2}]},\"id\":3}");
    }

    @Test
    void tokenFromConfigurationIsRequired() throws Exception {
        try (TestProxy guarded = TestProxy.start(Map.of("mi.token", "t0ken"))) {
            MiClient c = new MiClient(guarded.miPort());
            String body = "{\"jsonrpc\":\"2.0\",\"method\":\"version\",\"id\":1}";
            assertThat(c.post(body).statusCode()).isEqualTo(401);
            assertThat(c.post(body, "Authorization", "Bearer t0ken").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void proxyStartFailsNamingTheMiAddress() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String addr = "127.0.0.1:" + taken.getLocalPort();
            assertThatThrownBy(() -> TestProxy.start(Map.of("mi.listen", addr)))
                    .hasMessageContaining("mi.listen " + addr);
        }
        String open = "0.0.0.0:" + FreePorts.udpAndTcp();
        assertThatThrownBy(() -> TestProxy.start(Map.of("mi.listen", open)))
                .hasMessageContaining("mi.listen " + open).hasMessageContaining("not loopback");
    }
}
