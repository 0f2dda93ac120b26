package io.callops.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The management interface as a test script uses it: one JSON-RPC call, and waiting for a call to be up. */
public final class MiHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private MiHttp() {
    }

    /** Calls {@code method} with the JSON {@code params} on the MI at 127.0.0.1:{@code port}; the whole answer. */
    public static JsonNode call(int port, String method, String params) throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mi"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    /** Waits until {@code dlg_list} shows a confirmed (ACKed) call and returns its Call-ID. */
    public static String awaitConfirmedCall(int port, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode d : call(port, "dlg_list", "{}").path("result").path("Dialogs")) {
                if (d.path("state").asInt() == 4) return d.path("callid").asText();
            }
            Thread.sleep(30);
        }
        throw new AssertionError("no confirmed call within " + timeout);
    }
}
