package io.callops.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each case starts a JVM of its own: Netty reads these settings once, when its classes load. */
class NettyTuningTest {
    private static String probe(String... jvmOptions) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), NettyTuningProbe.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            return out;
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void anIoThreadReusesItsUdpReadBufferInsteadOfGoingBackToTheArena() throws Exception {
        assertThat(probe()).contains("arena allocations: 1");
    }

    @Test
    void aValueGivenOnTheCommandLineStillDecides() throws Exception {
        // Netty's own default: 64 KiB buffers are not cached, so every read goes to the arena.
        assertThat(probe("-Dio.netty.allocator.maxCachedBufferCapacity=32768")).contains("arena allocations: 3");
    }
}
