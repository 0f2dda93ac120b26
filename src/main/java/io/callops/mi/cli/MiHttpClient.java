package io.callops.mi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Sends JSON-RPC 2.0 requests to the MI over HTTP, one POST each, as opensips-cli does. */
final class MiHttpClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Long enough for commands that read files (reload_routes); a CLI should not hang forever. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    /** How much of a non-JSON-RPC body is quoted in the error message. */
    private static final int QUOTED_BODY_CHARS = 120;

    private final MiEndpoint endpoint;
    private final HttpClient http;
    private final AtomicLong ids = new AtomicLong();

    MiHttpClient(MiEndpoint endpoint) {
        this.endpoint = endpoint;
        // HTTP/1.1 as the MI speaks it; the default HTTP/2 would first send an h2c upgrade attempt.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
    }

    MiEndpoint endpoint() {
        return endpoint;
    }

    /**
     * Calls {@code method}.
     *
     * @param params a Map (named), a List (positional) or null for none; values as JSON maps them
     * @throws MiUnreachableException when no JSON-RPC answer came back
     */
    MiReply call(String method, Object params) throws MiUnreachableException {
        HttpResponse<String> response = post(requestBody(method, params));
        if (response.statusCode() != 200) {
            throw new MiUnreachableException("the MI at " + endpoint.uri() + " answered HTTP " + response.statusCode()
                    + describeBody(response.body()) + hint(response.statusCode()));
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            answer = null;
        }
        if (answer != null && answer.path("error").isObject()) {
            return MiReply.ofError(answer.get("error"));
        }
        if (answer != null && answer.isObject() && answer.has("result")) {
            return MiReply.ofResult(answer.get("result"));
        }
        throw new MiUnreachableException("the MI at " + endpoint.uri() + " answered something that is not a JSON-RPC response"
                + describeBody(response.body()));
    }

    /** Members in the order opensips-cli writes them: jsonrpc, id, method, params. */
    private byte[] requestBody(String method, Object params) {
        ObjectNode request = JSON.createObjectNode();
        request.put("jsonrpc", "2.0");
        request.put("id", ids.incrementAndGet());
        request.put("method", method);
        if (params != null) {
            request.set("params", JSON.valueToTree(params));
        }
        try {
            return JSON.writeValueAsBytes(request);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a JSON-RPC request", e);
        }
    }

    private HttpResponse<String> post(byte[] body) throws MiUnreachableException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.uri())
                .timeout(ANSWER_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (endpoint.token() != null) {
            request.header("Authorization", "Bearer " + endpoint.token());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MiUnreachableException("cannot reach the MI at " + endpoint.uri() + ": " + reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MiUnreachableException("interrupted while waiting for the MI at " + endpoint.uri());
        }
    }

    /** The JDK's messages are often empty or technical; say what happened in words. */
    private static String reason(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + ANSWER_TIMEOUT.toSeconds() + " s";
        }
        if (e instanceof ConnectException) {
            return "connection refused (is callops running, and is this its mi.listen address?)";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static String describeBody(String body) {
        String line = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        if (line.isEmpty()) {
            return "";
        }
        return ": " + (line.length() > QUOTED_BODY_CHARS ? line.substring(0, QUOTED_BODY_CHARS) + "..." : line);
    }

    private static String hint(int status) {
        if (status == 401) {
            return " (give the token with -o token=... or " + MiEndpoint.TOKEN_ENV + ")";
        }
        return "";
    }
}
