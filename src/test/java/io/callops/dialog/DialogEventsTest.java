package io.callops.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.callops.testsupport.FreePorts;
import io.callops.testsupport.Sipp;
import io.callops.testsupport.SippAvailable;
import io.callops.testsupport.TestProxy;
import io.callops.testsupport.UdpEventRecorder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * E_DLG_STATE_CHANGED for a SIPp call, received by a UDP, a TCP and an HTTP subscriber:
 * every state change of the call, in order, with the reference's fields.
 */
@Tag("sipp")
@ExtendWith(SippAvailable.class)
class DialogEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> EXPECTED = List.of("1>2", "2>3", "3>4", "4>5");

    @Test
    void everySubscriberTransportGetsTheStateChangesInOrder() throws Exception {
        List<Integer> ports = FreePorts.udpAndTcp(2);
        List<JsonNode> tcpEvents = Collections.synchronizedList(new ArrayList<>());
        List<JsonNode> httpEvents = Collections.synchronizedList(new ArrayList<>());
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/events", ex -> {
            httpEvents.add(JSON.readTree(ex.getRequestBody()));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        http.start();
        try (ServerSocket tcp = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             TestProxy proxy = TestProxy.start(Map.of("routes", Map.of("bob", "sip:127.0.0.1:" + ports.get(0))));
             UdpEventRecorder udp = UdpEventRecorder.subscribe(proxy.miPort(), "E_DLG_STATE_CHANGED")) {
            Thread reader = new Thread(() -> readStream(tcp, tcpEvents), "tcp-subscriber");
            reader.setDaemon(true);
            reader.start();
            subscribe(proxy.miPort(), "tcp:127.0.0.1:" + tcp.getLocalPort());
            subscribe(proxy.miPort(), "http://127.0.0.1:" + http.getAddress().getPort() + "/events");

            try (Sipp callee = Sipp.uas("sipp/uas_call.xml", ports.get(0)).calls(1).timeout(WAIT).start()) {
                try (Sipp caller = Sipp.uac("sipp/uac_call.xml", ports.get(1), proxy.address()).service("bob")
                        .calls(1).timeout(WAIT).start()) {
                    caller.awaitSuccess(WAIT);
                }
                callee.awaitSuccess(WAIT);
            }
            List<JsonNode> udpEvents = udp.awaitExactly(4, Duration.ofMillis(300));
            assertThat(transitions(udpEvents)).containsExactlyElementsOf(EXPECTED);
            JsonNode first = udpEvents.get(0);
            assertThat(first.path("id").asText()).isNotEmpty().isEqualTo(first.path("db_id").asText());
            assertThat(first.path("callid").asText()).isNotEmpty();
            assertThat(first.path("from_tag").asText()).contains("Caller");
            assertThat(udpEvents.get(1).path("to_tag").asText()).contains("Callee");
            assertThat(udpEvents.get(1).path("old_state").isNumber()).isTrue();

            awaitSize(tcpEvents, 4);
            awaitSize(httpEvents, 4);
            assertThat(transitions(params(tcpEvents))).containsExactlyElementsOf(EXPECTED);
            assertThat(transitions(params(httpEvents))).containsExactlyElementsOf(EXPECTED);
            assertThat(tcpEvents.get(0).path("method").asText()).isEqualTo("E_DLG_STATE_CHANGED");
            assertThat(tcpEvents.get(0).path("jsonrpc").asText()).isEqualTo("2.0");
        } finally {
            http.stop(0);
        }
    }

    private static void subscribe(int miPort, String socket) throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"event_subscribe\",\"params\":{\"event\":"
                + "\"E_DLG_STATE_CHANGED\",\"socket\":\"" + socket + "\"}}";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + miPort + "/mi")).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(r.body()).path("result").asText()).as(r.body()).isEqualTo("OK");
    }

    private static void readStream(ServerSocket server, List<JsonNode> into) {
        try (Socket s = server.accept();
             MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(s.getInputStream())) {
            while (it.hasNextValue()) {
                into.add(it.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            // the proxy closed the connection at the end of the test
        }
    }

    private static List<JsonNode> params(List<JsonNode> events) {
        List<JsonNode> out = new ArrayList<>();
        synchronized (events) {
            for (JsonNode e : events) out.add(e.path("params"));
        }
        return out;
    }

    private static List<String> transitions(List<JsonNode> params) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : params) out.add(p.path("old_state").asInt() + ">" + p.path("new_state").asInt());
        return out;
    }

    private static void awaitSize(List<JsonNode> list, int n) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (list.size() < n && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(list).hasSize(n);
    }
}
