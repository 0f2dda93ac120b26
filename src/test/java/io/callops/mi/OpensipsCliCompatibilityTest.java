package io.callops.mi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callops.testsupport.TestProxy;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The requests opensips-cli sends (recorded byte for byte under {@code opensips-cli/}) get the
 * answers it can use: HTTP 200 with a JSON body, the connection closed as asked, and either a
 * {@code result} or an {@code error} object, which is how it tells success from failure.
 */
class OpensipsCliCompatibilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestProxy proxy;

    @BeforeAll
    static void startProxy() {
        proxy = TestProxy.start();
    }

    @AfterAll
    static void stopProxy() {
        proxy.close();
    }

    /** Sends one recorded request, as opensips-cli does after its connection check, and reads the answer. */
    private static JsonNode replay(String name) throws IOException {
        byte[] request = recorded(name);
        // opensips-cli first checks that the MI port accepts connections, then closes that one.
        new Socket(InetAddress.getLoopbackAddress(), proxy.miPort()).close();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.miPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request);
            InputStream in = s.getInputStream();
            RawHttpResponse r = RawHttpResponse.read(in);
            assertThat(r.status()).as(name).isEqualTo(200);
            assertThat(r.header("content-type")).as(name).startsWith("application/json");
            assertThat(r.header("connection")).as(name).isEqualToIgnoringCase("close");
            assertThat(in.read()).as(name + ": the MI closes the connection after the answer, as asked").isEqualTo(-1);
            JsonNode answer = JSON.readTree(r.body());
            assertThat(answer.path("jsonrpc").asText()).isEqualTo("2.0");
            assertThat(answer.path("id")).as("the id echoed as sent: a string").isEqualTo(JSON.readTree(body(request)).path("id"));
            assertThat(answer.has("result") ^ answer.path("error").isObject()).as(name + ": a result or an error: " + answer).isTrue();
            return answer;
        }
    }

    private static byte[] recorded(String name) throws IOException {
        try (InputStream in = OpensipsCliCompatibilityTest.class.getResourceAsStream("/opensips-cli/" + name + ".http")) {
            assertThat(in).as(name).isNotNull();
            byte[] bytes = in.readAllBytes();
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            // Guards the recording itself: a file mangled by an editor or by Git would test nothing.
            assertThat(text).startsWith("POST /mi HTTP/1.1\r\n").contains("\r\nContent-Type: application/json\r\n")
                    .contains("\r\nConnection: close\r\n").contains("\r\nUser-Agent: Python-urllib/");
            assertThat(text).contains("\r\nContent-Length: " + body(bytes).length + "\r\n");
            return bytes;
        }
    }

    private static byte[] body(byte[] request) {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        return text.substring(text.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static JsonNode result(String name) throws IOException {
        JsonNode answer = replay(name);
        assertThat(answer.has("error")).as(answer.toString()).isFalse();
        return answer.get("result");
    }

    @Test
    void whichListsTheCommandsByNameAsTheMiModuleNeeds() throws IOException {
        // opensips-cli's mi module runs only the commands that appear in this flat list of names.
        JsonNode which = result("which");
        assertThat(which.isArray()).isTrue();
        List<String> names = new ArrayList<>();
        which.forEach(n -> names.add(n.asText()));
        assertThat(names).contains("version", "uptime", "which", "get_statistics");
    }

    @Test
    void version() throws IOException {
        assertThat(result("version").path("Server").asText()).startsWith("callops ");
    }

    @Test
    void uptime() throws IOException {
        JsonNode up = result("uptime");
        assertThat(up.path("Now").asText()).matches("\\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}");
        assertThat(up.path("Up since").asText()).matches("\\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}");
        assertThat(up.path("Up time").asText()).matches("\\d+ \\[sec]");
    }

    @Test
    void getStatisticsPositionalAndNamed() throws IOException {
        JsonNode positional = result("get_statistics_positional");
        assertThat(fieldNames(positional)).contains("core:rcv_requests", "tm:inuse_transactions")
                .allMatch(n -> n.startsWith("core:") || n.startsWith("tm:"));
        positional.forEach(v -> assertThat(v.isNumber()).isTrue());

        JsonNode named = result("get_statistics_named");
        assertThat(fieldNames(named)).containsExactly("tm:inuse_transactions", "usrloc:registered_contacts", "usrloc:registered_aors");
    }

    @Test
    void errorIsAnErrorObjectWithCodeMessageAndData() throws IOException {
        JsonNode answer = replay("get_statistics_missing_param");
        assertThat(answer.has("result")).isFalse();
        JsonNode error = answer.get("error");
        assertThat(error.path("code").asInt()).isEqualTo(-32602);
        assertThat(error.path("message").asText()).isEqualTo("Invalid params");
        assertThat(error.path("data").asText()).contains("'statistics'");
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
