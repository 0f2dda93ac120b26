package io.callops.mi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON-RPC client for tests, over java.net.http. */
public final class MiClient {
    public static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;

    public MiClient(int port) {
        this.uri = URI.create("http://127.0.0.1:" + port + "/mi");
    }

    URI uri() {
        return uri;
    }

    HttpResponse<String> post(String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a request and returns the parsed JSON answer, checking it came back 200 as JSON. */
    public JsonNode call(String body) throws IOException, InterruptedException {
        HttpResponse<String> r = post(body);
        if (r.statusCode() != 200 || !r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            throw new AssertionError("expected 200 application/json, got " + r.statusCode() + " " + r.headers() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    public JsonNode call(String method, String paramsJson) throws IOException, InterruptedException {
        return call("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"id\":1"
                + (paramsJson == null ? "" : ",\"params\":" + paramsJson) + "}");
    }
}
