package io.callops.mi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.callops.testsupport.FreePorts;
import io.callops.testsupport.TestProxy;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/callops-cli} as a user runs it: a separate process started from the packaged
 * {@code target/callops.jar}, with its real exit status and real signals.
 */
class CliLauncherScriptIT {
    private static final Path LAUNCHER = Path.of("bin/callops-cli").toAbsolutePath();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    /** A launcher process; stdout is read line by line as it comes, stderr goes to a file. */
    private final class Cli implements AutoCloseable {
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final Path stderr = dir.resolve("stderr-" + System.nanoTime() + ".txt");

        Cli(Map<String, String> env, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().remove(MiEndpoint.URL_ENV);
            pb.environment().remove(MiEndpoint.TOKEN_ENV);
            pb.environment().putAll(env);
            process = pb.start();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "cli-stdout");
            reader.setDaemon(true);
            reader.start();
        }

        String nextLine() throws Exception {
            String line = lines.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(line).as("a line on stdout; stderr: " + stderr()).isNotNull();
            return line;
        }

        int exitStatus() throws Exception {
            assertThat(process.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("exited; stderr: " + stderr()).isTrue();
            return process.exitValue();
        }

        String stdout() throws Exception {
            exitStatus();
            Thread.sleep(100); // the reader drains the last lines
            return String.join("\n", lines);
        }

        String stderr() throws IOException {
            return Files.exists(stderr) ? Files.readString(stderr) : "";
        }

        void signal(String name) throws Exception {
            assertThat(new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start().waitFor()).isZero();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    @Test
    void miRunsFromTheJarWithItsExitStatus() throws Exception {
        try (TestProxy proxy = TestProxy.start()) {
            Map<String, String> env = Map.of(MiEndpoint.URL_ENV, "http://127.0.0.1:" + proxy.miPort() + "/mi");
            try (Cli version = new Cli(env, "mi", "version")) {
                assertThat(version.exitStatus()).as(version.stderr()).isZero();
                assertThat(version.stdout()).startsWith("{\n    \"Server\": \"callops ");
            }
            try (Cli unknown = new Cli(env, "mi", "no_such_command")) {
                assertThat(unknown.exitStatus()).isEqualTo(ExitStatus.MI_ERROR);
                assertThat(unknown.stderr()).contains("-32601");
            }
        }
        int closed = FreePorts.udpAndTcp();
        try (Cli unreachable = new Cli(Map.of(), "-o", "url=http://127.0.0.1:" + closed + "/mi", "mi", "uptime")) {
            assertThat(unreachable.exitStatus()).isEqualTo(ExitStatus.UNREACHABLE);
            assertThat(unreachable.stderr()).contains("cannot reach the MI");
        }
        try (Cli version = new Cli(Map.of(), "--version")) {
            assertThat(version.exitStatus()).isZero();
            assertThat(version.stdout()).as("the version of the packaged jar").matches("callops-cli \\d+\\.\\d+\\.\\d+.*");
        }
    }

    @Test
    void sigtermAndSigintUnsubscribeAndExitZero() throws Exception {
        for (String signal : List.of("TERM", "INT")) {
            try (RecordingEventMi mi = RecordingEventMi.start();
                 Cli events = new Cli(Map.of(MiEndpoint.URL_ENV, mi.url()), "events", "E_CALL_HOLD")) {
                RecordingEventMi.Call subscribe = mi.nextCall(WAIT);
                String event = "{\"jsonrpc\":\"2.0\",\"method\":\"E_CALL_HOLD\",\"params\":{\"callid\":\"" + signal + "\"}}";
                mi.send(subscribe.socket(), event);
                assertThat(events.nextLine()).isEqualTo(event);

                events.signal(signal);
                assertThat(events.exitStatus()).as(signal + "; stderr: " + events.stderr()).isZero();
                RecordingEventMi.Call unsubscribe = mi.nextCall(WAIT);
                assertThat(unsubscribe.event()).isEqualTo("E_CALL_HOLD");
                assertThat(unsubscribe.socket()).isEqualTo(subscribe.socket());
                assertThat(unsubscribe.expire()).isZero();
            }
        }
    }

    @Test
    void aMissingJarIsSaidClearly() throws Exception {
        try (Cli cli = new Cli(Map.of("CALLOPS_JAR", dir.resolve("nothing.jar").toString()), "mi", "version")) {
            assertThat(cli.exitStatus()).isEqualTo(ExitStatus.USAGE);
            assertThat(cli.stderr()).contains("no callops jar at " + dir.resolve("nothing.jar")).contains("CALLOPS_JAR");
        }
    }
}
