package io.callops.mi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callops.testsupport.TestProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every {@code bin/callops-cli} example of the README's "Managing callops" section runs as
 * written against a real proxy (the README's MI address is the default, so the test points
 * {@code CALLOPS_MI_URL} at the test proxy's MI).
 */
class CliReadmeExamplesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LAUNCHER = "bin/callops-cli ";

    @Test
    void everyExampleOfManagingCallopsRuns() throws Exception {
        List<List<String>> examples = examples(Path.of("README.md"), "## Managing callops");
        assertThat(examples).extracting(e -> String.join(" ", e.subList(0, 2)))
                .contains("mi version", "mi which", "mi get_statistics", "events E_CALL_TRANSFER");
        try (TestProxy proxy = TestProxy.start()) {
            Map<String, String> env = Map.of("CALLOPS_MI_URL", "http://127.0.0.1:" + proxy.miPort() + "/mi");
            for (List<String> example : examples) {
                switch (example.get(0)) {
                    case "mi" -> runMi(example, env);
                    case "events" -> runEvents(example, env);
                    default -> throw new AssertionError("the README shows a command this test does not run: " + example);
                }
            }
        }
    }

    private static void runMi(List<String> args, Map<String, String> env) throws Exception {
        CliRun.Result r = CliRun.run(env, args.toArray(String[]::new));
        assertThat(r.status()).as(args + ": " + r).isZero();
        JsonNode result = JSON.readTree(r.out());
        assertThat(result.isEmpty()).as(args + " printed an empty result").isFalse();
        if (args.get(1).equals("get_statistics")) {
            // Every group asked for, and only those: whether given positionally or as statistics="...".
            List<String> asked = ShellWords.split(String.join(" ", args.subList(2, args.size())).replace("statistics=", ""));
            List<String> groups = new ArrayList<>();
            result.fieldNames().forEachRemaining(n -> groups.add(n.substring(0, n.indexOf(':') + 1)));
            assertThat(groups).as(args.toString()).containsOnly(asked.toArray(String[]::new));
        }
    }

    /** Subscribes as shown, prints each event the proxy raises, and stops on Ctrl-C, unsubscribed. */
    private static void runEvents(List<String> args, Map<String, String> env) throws Exception {
        List<String> events = args.stream().filter(a -> a.startsWith("E_")).toList();
        CliRun.Running run = CliRun.start(env, args.toArray(String[]::new));
        run.awaitErr(err -> err.contains("subscribed udp:127.0.0.1:"), Duration.ofSeconds(10));
        for (String event : events) {
            CliRun.Result raised = CliRun.run(env, "mi", "raise_event", "event=" + event);
            assertThat(raised.status()).as(raised.toString()).isZero();
            run.awaitOut(out -> out.contains("\"method\":\"" + event + "\""), Duration.ofSeconds(10));
        }
        run.interrupt();
        CliRun.Result r = run.await(Duration.ofSeconds(10));
        assertThat(r.status()).as(args + ": " + r).isZero();
        List<String> printed = new ArrayList<>();
        for (String line : r.outLines()) {
            printed.add(JSON.readTree(line).path("method").asText());
        }
        assertThat(printed).containsExactlyElementsOf(events);
        JsonNode subscribers = JSON.readTree(CliRun.run(env, "mi", "subscribers_list").out());
        assertThat(subscribers.path("Events")).as("unsubscribed on Ctrl-C").isEmpty();
    }

    /** The arguments of each launcher line in the shell blocks of one section. */
    private static List<List<String>> examples(Path markdown, String heading) throws Exception {
        List<String> lines = Files.readAllLines(markdown);
        int start = lines.indexOf(heading);
        assertThat(start).as(heading + " in " + markdown).isNotNegative();
        List<List<String>> out = new ArrayList<>();
        boolean inShell = false;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (line.startsWith("```")) {
                inShell = !inShell && line.equals("```sh");
            } else if (inShell && line.startsWith(LAUNCHER)) {
                out.add(ShellWords.split(line.substring(LAUNCHER.length())));
            }
        }
        return out;
    }
}
