package io.callops.mi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callops.testsupport.FreePorts;
import io.callops.testsupport.TestProxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code callops-cli mi} against a real proxy's MI, run in-process through its real main logic. */
class CliMiCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestProxy proxy;
    private static Map<String, String> env;

    @BeforeAll
    static void startProxy() {
        proxy = TestProxy.start();
        env = Map.of("CALLOPS_MI_URL", "http://127.0.0.1:" + proxy.miPort() + "/mi");
    }

    @AfterAll
    static void stopProxy() {
        proxy.close();
    }

    private static CliRun.Result ok(String... args) throws Exception {
        CliRun.Result r = CliRun.run(env, args);
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).isEmpty();
        return r;
    }

    private static CliRun.Result failed(int status, Map<String, String> environment, String... args) {
        CliRun.Result r = CliRun.run(environment, args);
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.out()).as(r.toString()).isEmpty();
        assertThat(r.err().strip().lines()).as("one clear line, or two with the --help hint: " + r).hasSizeBetween(1, 2);
        return r;
    }

    @Test
    void versionPrintsTheResultIndentedLikeOpensipsCli() throws Exception {
        CliRun.Result r = ok("mi", "version");
        assertThat(r.out()).isEqualTo("{\n    \"Server\": \"callops dev\"\n}\n");
    }

    @Test
    void uptimeAndWhich() throws Exception {
        JsonNode up = JSON.readTree(ok("mi", "uptime").out());
        assertThat(up.path("Up time").asText()).matches("\\d+ \\[sec]");
        assertThat(up.path("Now").asText()).isNotEmpty();

        JsonNode which = JSON.readTree(ok("mi", "which").out());
        List<String> names = new ArrayList<>();
        which.forEach(n -> names.add(n.asText()));
        assertThat(names).contains("version", "uptime", "which", "get_statistics", "ul_dump", "reload_routes");
    }

    @Test
    void getStatisticsPositionalAndNamedTakeAList() throws Exception {
        JsonNode positional = JSON.readTree(ok("mi", "get_statistics", "core:", "tm:inuse_transactions").out());
        assertThat(positional.has("core:rcv_requests")).isTrue();
        assertThat(positional.has("tm:inuse_transactions")).isTrue();
        assertThat(positional.has("tm:timeouts")).isFalse();

        JsonNode named = JSON.readTree(ok("mi", "get_statistics", "statistics=usrloc: mi:requests").out());
        assertThat(named.path("usrloc:registered_contacts").asLong()).isZero();
        assertThat(named.path("mi:requests").asLong()).isPositive();
        assertThat(named.has("core:rcv_requests")).isFalse();
    }

    @Test
    void unknownMethodIsAnMiErrorOnStderr() {
        CliRun.Result r = failed(ExitStatus.MI_ERROR, env, "mi", "no_such_command");
        assertThat(r.err()).contains("'no_such_command'").contains("\"code\":-32601").contains("\"message\":\"Method not found\"");
    }

    @Test
    void badParameterIsAnMiErrorWithItsData() {
        CliRun.Result r = failed(ExitStatus.MI_ERROR, env, "mi", "version", "colour=blue");
        assertThat(r.err()).contains("\"code\":-32602").contains("\"message\":\"Invalid params\"")
                .contains("\"data\":\"Unexpected parameter 'colour'");
        // After METHOD a leading '-' is an argument, not an option of callops-cli.
        CliRun.Result negative = failed(ExitStatus.MI_ERROR, env, "mi", "uptime", "-1");
        assertThat(negative.err()).contains("Unexpected parameter at position 1");
    }

    @Test
    void unreachableMiIsExitThree() {
        int closedPort = FreePorts.udpAndTcp();
        CliRun.Result r = failed(ExitStatus.UNREACHABLE, Map.of(),
                "-o", "url=http://127.0.0.1:" + closedPort + "/mi", "mi", "version");
        assertThat(r.err()).startsWith("callops-cli: cannot reach the MI at http://127.0.0.1:" + closedPort + "/mi")
                .contains("connection refused");
    }

    @Test
    void wrongPathIsAnHttpErrorExitThree() {
        CliRun.Result r = failed(ExitStatus.UNREACHABLE, Map.of(),
                "-o", "url=http://127.0.0.1:" + proxy.miPort() + "/other", "mi", "version");
        assertThat(r.err()).contains("answered HTTP 404");
    }

    @Test
    void tokenComesFromTheOptionOrTheEnvironmentAndIsRequiredWhenSet() throws Exception {
        try (TestProxy guarded = TestProxy.start(Map.of("mi.token", "s3cret"))) {
            String url = "http://127.0.0.1:" + guarded.miPort() + "/mi";
            CliRun.Result without = failed(ExitStatus.UNREACHABLE, Map.of("CALLOPS_MI_URL", url), "mi", "version");
            assertThat(without.err()).contains("answered HTTP 401").contains("-o token=");

            CliRun.Result wrong = failed(ExitStatus.UNREACHABLE, Map.of("CALLOPS_MI_URL", url), "-o", "token=guess", "mi", "version");
            assertThat(wrong.err()).contains("HTTP 401");

            CliRun.Result byOption = CliRun.run(Map.of(), "-o", "url=" + url, "-o", "token=s3cret", "mi", "version");
            assertThat(byOption.status()).as(byOption.toString()).isZero();
            CliRun.Result byEnvironment = CliRun.run(Map.of("CALLOPS_MI_URL", url, "CALLOPS_MI_TOKEN", "s3cret"), "mi", "version");
            assertThat(byEnvironment.status()).as(byEnvironment.toString()).isZero();
            // The option wins over the environment.
            CliRun.Result optionWins = CliRun.run(Map.of("CALLOPS_MI_URL", "http://127.0.0.1:1/mi", "CALLOPS_MI_TOKEN", "guess"),
                    "-o", "url=" + url, "-o", "token=s3cret", "mi", "version");
            assertThat(optionWins.status()).as(optionWins.toString()).isZero();
        }
    }

    @Test
    void tooLargeRequestIsAnHttpErrorExitThree() {
        try (TestProxy small = TestProxy.start(Map.of("mi.max_body_bytes", 256))) {
            CliRun.Result r = failed(ExitStatus.UNREACHABLE, Map.of("CALLOPS_MI_URL", "http://127.0.0.1:" + small.miPort() + "/mi"),
                    "mi", "get_statistics", "x".repeat(400));
            assertThat(r.err()).contains("answered HTTP 413");
        }
    }

    @Test
    void usageErrorsAreExitTwo() {
        assertThat(failed(ExitStatus.USAGE, env).err()).contains("Missing a command");
        assertThat(failed(ExitStatus.USAGE, env, "mi").err()).contains("METHOD");
        assertThat(failed(ExitStatus.USAGE, env, "-o", "colour=blue", "mi", "version").err()).contains("unknown option '-o colour=...'");
        assertThat(failed(ExitStatus.USAGE, env, "-o", "url=ftp://127.0.0.1/mi", "mi", "version").err()).contains("bad MI url");
        assertThat(failed(ExitStatus.USAGE, env, "-o", "url", "mi", "version").err()).contains("KEY=VALUE");
        assertThat(failed(ExitStatus.USAGE, env, "mi", "get_statistics", "statistics='core:").err()).contains("no closing quotation");
        assertThat(failed(ExitStatus.USAGE, env, "nosuch").err()).contains("nosuch");
    }

    @Test
    void helpIsExitZeroOnStdout() throws Exception {
        CliRun.Result r = ok("--help");
        assertThat(r.out()).contains("Usage: callops-cli").contains("mi").contains("events").contains("Exit status");
    }
}
