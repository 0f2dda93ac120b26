package io.callops.mi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.callops.api.CommandRegistry;
import io.callops.api.MiCommand;
import io.callops.api.MiError;
import io.callops.testsupport.FreePorts;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JSON-RPC and HTTP behaviour of the MI, with commands defined by the test. */
class MiServerTest {
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger notified = new AtomicInteger();
    private final CommandRegistry registry = new CommandRegistry();
    private MiServer server;
    private MiClient client;

    @BeforeEach
    void start() {
        registry.register(new MiCommand("echo", List.of("test:echo"), "returns its params",
                List.of(List.of(), List.of("a"), List.of("a", "b")),
                p -> CompletableFuture.completedFuture(Map.of("params", p.names().stream().sorted().toList(),
                        "a", p.optionalString("a").orElse("-"), "positional", p.positional()))));
        registry.register(new MiCommand("count", List.of(), "an integer param", List.of(List.of("n")),
                p -> CompletableFuture.completedFuture(p.integer("n") + 1)));
        registry.register(MiCommand.of("fail", "a module error",
                p -> CompletableFuture.failedFuture(new MiError(404, "Dialog not found"))));
        registry.register(MiCommand.of("boom", "a bug", p -> {
            throw new IllegalStateException("bug");
        }));
        registry.register(MiCommand.of("nothing", "returns null", p -> CompletableFuture.completedFuture(null)));
        registry.register(MiCommand.of("note", "counts calls", p -> {
            notified.incrementAndGet();
            return CompletableFuture.completedFuture("OK");
        }));
        // Completes on another thread after a delay: the answer must not need the I/O thread to wait.
        registry.register(MiCommand.of("slow", "answers later", p -> {
            CompletableFuture<Object> f = new CompletableFuture<>();
            later.schedule(() -> f.complete("late"), 50, TimeUnit.MILLISECONDS);
            return f;
        }));
        server = MiServer.start(new MiSettings(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, 4096),
                registry);
        client = new MiClient(server.address().getPort());
    }

    @AfterEach
    void stop() {
        server.close();
        later.shutdownNow();
    }

    private static void assertError(JsonNode answer, int code, String message) {
        assertThat(answer.path("error").path("code").asInt()).as(answer.toString()).isEqualTo(code);
        assertThat(answer.path("error").path("message").asText()).isEqualTo(message);
    }

    @Test
    void answersResultWithMembersInTheReferenceOrder() throws Exception {
        HttpResponse<String> r = client.post("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":7}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(r.body()).startsWith("{\"jsonrpc\":\"2.0\",\"result\":").endsWith(",\"id\":7}");
        assertThat(client.call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":\"abc\"}").get("id").asText()).isEqualTo("abc");
    }

    @Test
    void namedAndPositionalParamsAndAliases() throws Exception {
        JsonNode named = client.call("echo", "{\"b\":2,\"a\":\"x\"}").get("result");
        assertThat(named.get("params").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(named.get("positional").asBoolean()).isFalse();
        JsonNode positional = client.call("test:echo", "[\"y\"]").get("result");
        assertThat(positional.get("a").asText()).isEqualTo("y");
        assertThat(positional.get("positional").asBoolean()).isTrue();
        assertThat(client.call("count", "[41]").get("result").asInt()).isEqualTo(42);
        assertThat(client.call("count", "{\"n\":\"9\"}").get("result").asInt()).isEqualTo(10);
    }

    @Test
    void jsonRpcErrors() throws Exception {
        assertError(client.call("{not json"), -32700, "Parse error");
        assertThat(client.call("{not json").get("id").isNull()).isTrue();
        assertError(client.call("{\"jsonrpc\":\"1.0\",\"method\":\"echo\",\"id\":1}"), -32600, "Invalid Request");
        assertError(client.call("{\"method\":\"echo\",\"id\":1}"), -32600, "Invalid Request");
        assertError(client.call("{\"jsonrpc\":\"2.0\",\"method\":5,\"id\":1}"), -32600, "Invalid Request");
        assertError(client.call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":{}}"), -32600, "Invalid Request");
        assertError(client.call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":3,\"id\":1}"), -32600, "Invalid Request");
        assertError(client.call("[{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":1}]"), -32600, "Invalid Request");
        assertError(client.call("\"text\""), -32600, "Invalid Request");
        JsonNode unknown = client.call("no_such", null);
        assertError(unknown, -32601, "Method not found");
        assertThat(unknown.get("id").asInt()).isEqualTo(1);
    }

    @Test
    void invalidParamsNameTheParameter() throws Exception {
        JsonNode extra = client.call("echo", "{\"a\":1,\"zzz\":2}");
        assertError(extra, -32602, "Invalid params");
        assertThat(extra.path("error").path("data").asText()).contains("'zzz'");
        JsonNode missing = client.call("count", "{}");
        assertError(missing, -32602, "Invalid params");
        assertThat(missing.path("error").path("data").asText()).contains("Missing parameter 'n'");
        JsonNode badValue = client.call("count", "{\"n\":\"many\"}");
        assertThat(badValue.path("error").path("data").asText()).contains("'n'");
        assertThat(client.call("echo", "[1,2,3]").path("error").path("data").asText()).contains("position 3");
        assertThat(client.call("echo", "{\"a\":{\"x\":1}}").path("error").path("data").asText())
                .isEqualTo("Bad type for parameter 'a'");
    }

    @Test
    void handlerErrorsAndNull() throws Exception {
        JsonNode fail = client.call("fail", null);
        assertError(fail, 404, "Dialog not found");
        assertThat(fail.get("error").has("data")).isFalse();
        assertError(client.call("boom", null), -32603, "Internal error");
        JsonNode nothing = client.call("nothing", null);
        assertError(nothing, -32000, "Server error");
        assertThat(nothing.path("error").path("data").asText()).isEqualTo("Command handler returned null");
        assertThat(client.call("slow", null).get("result").asText()).isEqualTo("late");
    }

    @Test
    void notificationRunsTheCommandAndAnswers202Empty() throws Exception {
        HttpResponse<String> r = client.post("{\"jsonrpc\":\"2.0\",\"method\":\"note\"}");
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.body()).isEmpty();
        assertThat(notified.get()).isEqualTo(1);
        assertThat(client.post("{\"jsonrpc\":\"2.0\",\"method\":\"slow\"}").statusCode()).isEqualTo(202);
    }

    @Test
    void httpLevelAnswers() throws Exception {
        HttpResponse<String> get = client.send(HttpRequest.newBuilder(client.uri()).GET().build());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).contains("POST");
        HttpResponse<String> other = client.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + server.address().getPort() + "/other")).POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(client.post("").statusCode()).isEqualTo(400);
        HttpResponse<String> big = client.post("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":1,\"params\":{\"a\":\""
                + "x".repeat(5000) + "\"}}");
        assertThat(big.statusCode()).isEqualTo(413);
        // The server is still fine afterwards.
        assertThat(client.call("echo", null).has("result")).isTrue();
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
            socket.setSoTimeout(5000);
            StringBuilder out = new StringBuilder();
            for (String body : List.of("{\"jsonrpc\":\"2.0\",\"method\":\"slow\",\"id\":1}",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":2}")) {
                out.append("POST /mi HTTP/1.1\r\nHost: x\r\nContent-Length: ").append(body.length())
                        .append("\r\n\r\n").append(body);
            }
            socket.getOutputStream().write(out.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            StringBuilder in = new StringBuilder();
            byte[] buf = new byte[4096];
            while (!in.toString().contains("\"id\":2}")) {
                int n = socket.getInputStream().read(buf);
                assertThat(n).as("connection closed early: " + in).isPositive();
                in.append(new String(buf, 0, n, java.nio.charset.StandardCharsets.US_ASCII));
            }
            assertThat(in.indexOf("\"result\":\"late\",\"id\":1}")).isPositive().isLessThan(in.indexOf("\"id\":2}"));
        }
    }

    @Test
    void tokenIsRequiredWhenSet() throws Exception {
        try (MiServer guarded = MiServer.start(new MiSettings(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                "s3cret", 4096), registry)) {
            MiClient c = new MiClient(guarded.address().getPort());
            String body = "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":1}";
            HttpResponse<String> none = c.post(body);
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
            assertThat(c.post(body, "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
            HttpResponse<String> ok = c.post(body, "Authorization", "Bearer s3cret");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("\"result\"");
        }
    }

    @Test
    void refusesANonLoopbackAddressWithoutToken() throws Exception {
        MiSettings open = new MiSettings(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), FreePorts.udpAndTcp()),
                null, 4096);
        assertThatThrownBy(() -> MiServer.start(open, registry)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("0.0.0.0").hasMessageContaining("not loopback").hasMessageContaining("mi.token");
    }

    @Test
    void portInUseFailsWithTheAddress() {
        int port = server.address().getPort();
        assertThatThrownBy(() -> MiServer.start(new MiSettings(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                null, 4096), registry)).isInstanceOf(IllegalStateException.class).hasMessageContaining("127.0.0.1:" + port);
    }

    @Test
    void fiftyConcurrentClientsOfTwentyRequestsEach() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int c = 0; c < 50; c++) {
                int clientNo = c;
                results.add(pool.submit(() -> {
                    MiClient own = new MiClient(server.address().getPort());
                    int ok = 0;
                    for (int i = 0; i < 20; i++) {
                        String method = i % 2 == 0 ? "count" : "slow";
                        String params = i % 2 == 0 ? "{\"n\":" + (clientNo * 100 + i) + "}" : null;
                        JsonNode a = own.call(method, params);
                        Object expected = i % 2 == 0 ? String.valueOf(clientNo * 100 + i + 1) : "late";
                        if (a.path("result").asText().equals(expected)) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            int total = 0;
            for (Future<Integer> f : results) {
                total += f.get(60, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(1000);
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
