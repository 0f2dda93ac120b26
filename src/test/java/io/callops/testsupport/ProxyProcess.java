package io.callops.testsupport;

import io.callops.server.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** callops in its own JVM, as an operator runs it, for tests that kill and restart it. */
public final class ProxyProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ProxyProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java ... Main args} and waits until it listens (or fails). */
    public static ProxyProcess start(Path logFile, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(args);
        if (!args.contains("--warmup-calls")) {
            // Restart tests start several JVMs; the warm-up has its own tests.
            cmd.addAll(List.of("--warmup-calls", "0"));
        }
        try {
            Files.deleteIfExists(logFile);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            ProxyProcess pp = new ProxyProcess(p, logFile);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!pp.output().contains("callops listening on")) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    throw new AssertionError("callops did not start:\n" + pp.output());
                }
                Thread.sleep(50);
            }
            return pp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no last write. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
