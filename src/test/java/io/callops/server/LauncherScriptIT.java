package io.callops.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.callops.testsupport.FreePorts;
import io.callops.testsupport.OptionsProbe;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/callops} as a user runs it: the packaged jar, its JVM settings, real signals. */
class LauncherScriptIT {
    private static final Path LAUNCHER = Path.of("bin/callops").toAbsolutePath();
    /** The launcher runs the JVM these tests run on, so what it offers is known here. */
    private static final Path TEST_JVM = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path dir;

    private Process start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().remove("CALLOPS_JVM_OPTS");
        pb.environment().put("JAVA", TEST_JVM.toString());
        pb.environment().putAll(env);
        return pb.start();
    }

    private String output() throws IOException {
        return Files.readString(dir.resolve("out.log"));
    }

    private void awaitListening(Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!output().contains("callops listening on") && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(output()).contains("callops listening on");
    }

    /** What the launcher reads: transparent huge pages "always" or "madvise" (the bracketed choice). */
    private static boolean kernelOffersHugePages() throws IOException {
        Path setting = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        if (!Files.isReadable(setting)) return false;
        String text = Files.readString(setting);
        return text.contains("[always]") || text.contains("[madvise]");
    }

    /** Whether the JVM running these tests was built with Shenandoah (Oracle's builds are not). */
    private static boolean testJvmHasShenandoah() {
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption("UseShenandoahGC");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * A {@code java} that refuses Shenandoah, as a JDK built without it does ("Unrecognized VM
     * option"), and runs the test JVM for everything else.
     */
    private Path javaWithoutShenandoah() throws IOException {
        Path script = dir.resolve("java-without-shenandoah");
        Files.writeString(script, "#!/bin/sh\n"
                + "for a in \"$@\"; do\n"
                + "  if [ \"$a\" = -XX:+UseShenandoahGC ]; then echo \"Unrecognized VM option 'UseShenandoahGC'\" >&2; exit 1; fi\n"
                + "done\n"
                + "exec '" + TEST_JVM + "' \"$@\"\n");
        script.toFile().setExecutable(true);
        return script;
    }

    /** The JVM's own command line: the script replaced itself with it (exec), same PID. */
    private static String commandLine(Process p) throws IOException {
        byte[] raw = Files.readAllBytes(Path.of("/proc/" + p.pid() + "/cmdline"));
        return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
    }

    @Test
    void startsTheJarWithItsGcSettingsServesSipAndExitsZeroOnSigterm() throws Exception {
        int port = FreePorts.udpAndTcp();
        Process p = start(Map.of(), "--listen", "udp:127.0.0.1:" + port, "--mi-listen", "127.0.0.1:0",
                "--store-path", dir.resolve("data/dialogs.db").toString(), "--warmup-calls", "300");
        try {
            awaitListening(p);
            if (testJvmHasShenandoah()) {
                assertThat(commandLine(p)).contains("-XX:+UseShenandoahGC -Xms2g -Xmx2g").doesNotContain("G1");
            } else {
                assertThat(commandLine(p)).contains("-XX:+UseG1GC").doesNotContain("Shenandoah");
            }
            assertThat(commandLine(p)).contains("-jar").contains("--warmup-calls 300");
            if (kernelOffersHugePages()) {
                assertThat(commandLine(p)).contains("-XX:+UseTransparentHugePages");
            } else {
                assertThat(commandLine(p)).doesNotContain("UseTransparentHugePages");
            }
            assertThat(output()).contains("warm-up: 300 loopback calls");
            assertThat(OptionsProbe.send(port, "launcher-1")).startsWith("SIP/2.0 483 ");
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(15, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(this::safeOutput).isZero();
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aJvmWithoutShenandoahGetsTheG1Settings() throws Exception {
        int port = FreePorts.udpAndTcp();
        Process p = start(Map.of("JAVA", javaWithoutShenandoah().toString()), "--listen", "udp:127.0.0.1:" + port,
                "--mi-listen", "127.0.0.1:0", "--store-type", "none", "--warmup-calls", "0");
        try {
            awaitListening(p);
            assertThat(commandLine(p)).contains("-XX:+UseG1GC", "-XX:G1HeapRegionSize=2m", "-XX:MaxNewSize=4m",
                    "-Xms2g -Xmx2g", "-XX:InitiatingHeapOccupancyPercent=25", "-jar").doesNotContain("Shenandoah");
            assertThat(OptionsProbe.send(port, "launcher-2")).startsWith("SIP/2.0 483 ");
        } finally {
            p.destroy();
            p.waitFor(15, TimeUnit.SECONDS);
            p.destroyForcibly();
        }
    }

    @Test
    void jvmOptionsFromTheEnvironmentReplaceTheDefaults() throws Exception {
        int port = FreePorts.udpAndTcp();
        Process p = start(Map.of("CALLOPS_JVM_OPTS", "-XX:+UseSerialGC -Xmx256m"), "--listen",
                "udp:127.0.0.1:" + port, "--mi-listen", "127.0.0.1:0", "--store-type", "none", "--warmup-calls", "0");
        try {
            awaitListening(p);
            assertThat(commandLine(p)).contains("-XX:+UseSerialGC", "-Xmx256m").doesNotContain("MaxNewSize");
        } finally {
            p.destroy();
            p.waitFor(15, TimeUnit.SECONDS);
            p.destroyForcibly();
        }
    }

    @Test
    void aMissingJarIsNamed() throws Exception {
        Process p = start(Map.of("CALLOPS_JAR", dir.resolve("nothing.jar").toString()));
        assertThat(p.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(output()).contains("no callops jar at " + dir.resolve("nothing.jar")).contains("CALLOPS_JAR");
    }

    private String safeOutput() {
        try {
            return output();
        } catch (IOException e) {
            return e.toString();
        }
    }
}
