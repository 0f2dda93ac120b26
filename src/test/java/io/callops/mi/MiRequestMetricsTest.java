package io.callops.mi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callops.api.CommandRegistry;
import io.callops.api.MiCommand;
import io.callops.testsupport.TestProxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** MI requests are counted by method and result, on /metrics and in get_statistics. */
class MiRequestMetricsTest {

    @Test
    void metricsAndStatisticsCountRequestsByMethodAndResult() throws Exception {
        try (TestProxy proxy = TestProxy.start()) {
            MiClient mi = new MiClient(proxy.miPort());
            mi.call("version", null);
            mi.call("version", null);
            mi.call("version", "{\"colour\":\"blue\"}");
            mi.call("no_such_method", null);
            mi.call("another_missing_one", null);
            mi.call("{not json");

            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + proxy.miPort() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics)
                    .contains("callops_mi_requests_total{method=\"version\",result=\"ok\"} 2.0")
                    .contains("callops_mi_requests_total{method=\"version\",result=\"error\"} 1.0")
                    .contains("callops_mi_requests_total{method=\"unknown\",result=\"error\"} 3.0")
                    .contains("callops_mi_request_duration_seconds_count{method=\"version\"} 3")
                    .contains("callops_mi_request_duration_seconds_sum{method=\"version\"}")
                    // Whatever clients send, only command names become label values.
                    .doesNotContain("no_such_method").doesNotContain("another_missing_one");

            JsonNode stats = mi.call("get_statistics", "{\"statistics\":[\"mi:\"]}").path("result");
            assertThat(stats.path("mi:requests").asLong()).isEqualTo(6);
            assertThat(stats.path("mi:errors").asLong()).isEqualTo(4);
            assertThat(stats.path("mi:version_requests").asLong()).isEqualTo(3);
            assertThat(stats.path("mi:version_errors").asLong()).isEqualTo(1);
            assertThat(stats.path("mi:unknown_requests").asLong()).isEqualTo(3);
            assertThat(stats.has("core:rcv_requests")).isFalse();
            // The get_statistics just answered is counted once its answer is written.
            JsonNode again = mi.call("get_statistics", "[\"get_statistics_requests\"]").path("result");
            assertThat(again.path("mi:get_statistics_requests").asLong()).isEqualTo(1);
            assertThat(mi.call("get_statistics", "[[\"all\"]]").path("result").has("mi:requests")).isTrue();
        }
    }

    @Test
    void aliasesCountUnderTheCommandAndNotificationsAreCounted() throws Exception {
        CommandRegistry registry = new CommandRegistry();
        registry.register(new MiCommand("echo", List.of("test:echo"), "echo", List.of(List.of()),
                p -> CompletableFuture.completedFuture("ok")));
        MiRequestStats stats = new MiRequestStats();
        try (MiServer server = MiServer.start(new MiSettings(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, 4096),
                registry, null, stats)) {
            MiClient mi = new MiClient(server.address().getPort());
            mi.call("echo", null);
            mi.call("test:echo", null);
            assertThat(mi.post("{\"jsonrpc\":\"2.0\",\"method\":\"test:echo\"}").statusCode()).isEqualTo(202);
            for (int i = 0; i < 20; i++) {
                mi.call("missing_" + i, null);
            }
            assertThat(stats.methods()).containsExactlyInAnyOrder("echo", MiRequestStats.UNKNOWN);
            Map<String, Long> s = stats.statistics();
            assertThat(s).containsEntry("mi:echo_requests", 3L).containsEntry("mi:echo_errors", 0L)
                    .containsEntry("mi:unknown_requests", 20L).containsEntry("mi:unknown_errors", 20L)
                    .containsEntry("mi:requests", 23L).containsEntry("mi:errors", 20L);
            assertThat(List.copyOf(s.keySet())).containsExactly("mi:requests", "mi:errors",
                    "mi:echo_requests", "mi:echo_errors", "mi:unknown_requests", "mi:unknown_errors");
        }
    }
}
