package io.callops.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.callops.testsupport.FreePorts;
import io.callops.testsupport.OptionsProbe;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server as a user runs it: a separate JVM started by Main, stopped with SIGTERM. */
class ServerProcessTest {
    @TempDir
    Path dir;

    private Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile()).start();
    }

    private String output() throws IOException {
        return Files.readString(dir.resolve("out.log"));
    }

    @Test
    void answersOptionsTracesItAndExitsZeroOnSigterm() throws Exception {
        int port = FreePorts.udpAndTcp();
        Process p = start("--listen", "udp:127.0.0.1:" + port, "--listen", "tcp:127.0.0.1:" + port, "--sip-trace",
                "--mi-listen", "127.0.0.1:0", "--store-path", dir.resolve("data/dialogs.db").toString(),
                "--warmup-calls", "1500");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!output().contains("callops listening on") && System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(100);
            }
            assertThat(output()).contains("callops listening on");
            // A request addressed to us with Max-Forwards 0 is answered by the proxy itself.
            assertThat(OptionsProbe.send(port, "proc-1")).startsWith("SIP/2.0 483 ");
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(15, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(this::safeOutput).isZero();
            assertThat(output()).contains("callops stopped");
            assertThat(dir.resolve("data/dialogs.db")).as("the store file, with its directory").exists();
            // --sip-trace: both messages, whole, on the trace logger
            assertThat(output()).contains("Call-ID: proc-1").contains("SIP/2.0 483 Too Many Hops");
            // The warm-up ran before the sockets opened, completely, and left nothing behind:
            // no trace of its messages, no store file of its own.
            String out = output();
            assertThat(out).contains("warm-up: 1500 loopback calls").contains("(1500 completed, 0 failed)");
            assertThat(out.indexOf("warm-up: 1500")).isLessThan(out.indexOf("callops listening on"));
            assertThat(out).doesNotContain("warmup-").doesNotContain("callops-warmup");
            try (var files = Files.list(dir.resolve("data"))) {
                assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.contains("warmup"));
            }
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void unknownOptionStopsTheStartWithExitTwo() throws Exception {
        Process p = start("--listne", "udp:127.0.0.1:5060");
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(output()).contains("--listne");
    }

    @Test
    void unknownConfigKeyStopsTheStartWithExitTwo() throws Exception {
        Path cfg = dir.resolve("callops.yaml");
        Files.writeString(cfg, "sip:\n  t1: 500\n");
        Process p = start("--config", cfg.toString());
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(output()).contains("sip.t1");
    }

    @Test
    void listenAddressInUseStopsTheStartWithAMessage() throws Exception {
        try (DatagramSocket busy = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Process p = start("--listen", "udp:127.0.0.1:" + busy.getLocalPort(), "--store-path",
                    dir.resolve("data/dialogs.db").toString(), "--mi-listen", "127.0.0.1:0");
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(1);
            assertThat(output()).contains("udp:127.0.0.1:" + busy.getLocalPort())
                    .as("no warm-up for a start that is bound to fail").contains("warm-up skipped")
                    .doesNotContain("loopback calls in");
        }
    }

    @Test
    void aBusyManagementPortStopsTheStartBeforeTheWarmupAndTheSipSockets() throws Exception {
        int sipPort = FreePorts.udpAndTcp();
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process p = start("--listen", "udp:127.0.0.1:" + sipPort, "--store-path",
                    dir.resolve("data/dialogs.db").toString(), "--mi-listen", "127.0.0.1:" + busy.getLocalPort());
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(1);
            assertThat(output()).contains("mi.listen 127.0.0.1:" + busy.getLocalPort())
                    .doesNotContain("loopback calls in").doesNotContain("listening on udp:");
        }
    }

    private String safeOutput() {
        try {
            return output();
        } catch (IOException e) {
            return e.toString();
        }
    }
}
