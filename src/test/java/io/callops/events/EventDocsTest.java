package io.callops.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callops.testsupport.TestProxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The curl examples of docs/events.md work as shown. */
@Timeout(60)
class EventDocsTest {
    @Test
    void curlExamplesAnswerWithResults() throws Exception {
        // The events table is the server's own list, in its order.
        String doc = Files.readString(Path.of("docs/events.md"));
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl installed");
        List<String> commands = Files.readAllLines(Path.of("docs/events.md")).stream()
                .filter(l -> l.startsWith("curl -s -X POST http://127.0.0.1:8888/mi")).toList();
        assertThat(commands).hasSize(4);
        try (TestProxy proxy = TestProxy.start()) {
            for (EventView e : proxy.server().events().events()) {
                String params = String.join("`, `", e.type().parameters());
                assertThat(doc).contains("| `" + e.name() + "` | `" + params + "` |");
            }
            for (String cmd : commands) {
                JsonNode answer = MiJson.read(run(cmd.replace("127.0.0.1:8888", "127.0.0.1:" + proxy.miPort())));
                assertThat(answer.has("result")).as(cmd + " -> " + answer).isTrue();
            }
            // After the last example only the web hook is left.
            assertThat(proxy.server().events().event("E_CALL_HOLD").orElseThrow().subscribers())
                    .extracting(SubscriberView::socket).containsExactly("http://127.0.0.1:8080/callops-events");
        }
    }

    private static String run(String command) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        try {
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            p.destroyForcibly();
        }
    }
}
