package io.callops.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One SIPp process driven by a test.
 *
 * <pre>{@code
 * try (Sipp callee = Sipp.uas("sipp/uas_call.xml", calleePort).calls(1).start();
 *      Sipp caller = Sipp.uac("sipp/uac_call.xml", callerPort, "127.0.0.1:" + proxyPort)
 *              .service("bob").calls(1).start()) {
 *     caller.awaitSuccess(Duration.ofSeconds(20));
 *     callee.awaitSuccess(Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>The scenario is copied from the test classpath into a fresh temporary directory, which is
 * also SIPp's working directory; stdout, stderr, the error log ({@code -trace_err}) and the
 * message trace ({@code -trace_msg}) are written there. SIPp always runs with {@code -nostdin}
 * and, unless told otherwise, with {@code -timeout_error} so that hitting {@code -timeout}
 * is a failure. {@link #close()} stops the process and its descendants by PID.
 */
public final class Sipp implements AutoCloseable {

    /** SIPp transport modes ({@code -t}). */
    public enum Transport {
        /** UDP, one socket ({@code u1}). */
        UDP("u1"),
        /** TCP, one connection ({@code t1}). */
        TCP("t1"),
        /** TCP, one connection per call ({@code tn}). */
        TCP_PER_CALL("tn");

        final String flag;

        Transport(String flag) {
            this.flag = flag;
        }
    }

    private static final Duration STOP_GRACE = Duration.ofSeconds(3);
    private static final Duration BIND_TIMEOUT = Duration.ofSeconds(10);
    private static final int TAIL_LINES = 60;

    private final String name;
    private final Process process;
    private final List<String> command;
    private final Path workDir;
    private final Path stdout;
    private final Path stderr;
    private final Path errorLog;
    private final Path messageLog;
    private final Path scenarioLog;

    private Sipp(String name, Process process, List<String> command, Path workDir,
                 Path stdout, Path stderr, Path errorLog, Path messageLog, Path scenarioLog) {
        this.name = name;
        this.process = process;
        this.command = command;
        this.workDir = workDir;
        this.stdout = stdout;
        this.stderr = stderr;
        this.errorLog = errorLog;
        this.messageLog = messageLog;
        this.scenarioLog = scenarioLog;
    }

    /**
     * Waits until the scenario logged a line starting with {@code prefix} (a {@code <log>}
     * action) and returns the rest of that line, trimmed.
     */
    public String awaitLogLine(String prefix, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : read(scenarioLog).split("\n")) {
                int at = line.indexOf(prefix);
                if (at >= 0) return line.substring(at + prefix.length()).trim();
            }
            if (!isAlive()) break;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError(name + " logged no line starting with '" + prefix + "' within " + timeout
                + "\n" + diagnostics());
    }

    /** A SIPp server (callee) on {@code 127.0.0.1:port} running the given classpath scenario. */
    public static Builder uas(String scenarioResource, int port) {
        return new Builder(scenarioResource, port, null);
    }

    /**
     * A SIPp client (caller) on {@code 127.0.0.1:localPort} sending to {@code target}
     * ({@code host:port}, usually the proxy). Also used for client-mode callees that register
     * first, such as {@code uas_register_then_call.xml}.
     */
    public static Builder uac(String scenarioResource, int localPort, String target) {
        return new Builder(scenarioResource, localPort, Objects.requireNonNull(target, "target"));
    }

    /** Path of the SIPp binary: {@code $SIPP_BIN}, then {@code PATH}, then the usual locations. */
    public static Optional<Path> binary() {
        String override = System.getenv("SIPP_BIN");
        if (override != null && !override.isBlank()) {
            Path p = Path.of(override);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, "sipp");
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        for (String fixed : List.of("/usr/bin/sipp", "/usr/local/bin/sipp")) {
            Path p = Path.of(fixed);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Process id of SIPp. */
    public long pid() {
        return process.pid();
    }

    /** Directory holding the scenario copy and all of SIPp's output. */
    public Path workDir() {
        return workDir;
    }

    /** The full command line that was started. */
    public List<String> command() {
        return command;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits for SIPp to exit and returns its exit code (0: every call succeeded, 1: at least one
     * call failed, 97: exit on internal command, 99: normal exit without calls processed,
     * 255/254: fatal error, e.g. cannot bind).
     *
     * @throws AssertionError if SIPp is still running after {@code timeout}; it is then stopped
     *                        and the message holds the tail of its logs
     */
    public int awaitExit(Duration timeout) {
        boolean exited;
        try {
            exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new AssertionError(name + " interrupted while waiting for exit\n" + diagnostics(), e);
        }
        if (!exited) {
            close();
            throw new AssertionError(name + " did not exit within " + timeout + "\n" + diagnostics());
        }
        return process.exitValue();
    }

    /**
     * Waits for SIPp to exit and checks that it exited with 0.
     *
     * @throws AssertionError with the exit code, the command line and the tails of the error
     *                        log, the message trace, stdout and stderr otherwise
     */
    public void awaitSuccess(Duration timeout) {
        int code = awaitExit(timeout);
        if (code != 0) {
            throw new AssertionError(name + " exited with " + code + " (" + describeExitCode(code) + ")\n"
                    + diagnostics());
        }
    }

    /** Human-readable summary: command, work dir and the tail of every log SIPp wrote. */
    public String diagnostics() {
        StringBuilder sb = new StringBuilder();
        sb.append("command: ").append(String.join(" ", command)).append('\n');
        sb.append("work dir: ").append(workDir).append('\n');
        appendTail(sb, "error log (-trace_err)", errorLog);
        appendTail(sb, "message trace (-trace_msg)", messageLog);
        appendTail(sb, "stderr", stderr);
        appendTail(sb, "stdout", stdout);
        return sb.toString();
    }

    /** The whole message trace, or "" if none was written. */
    public String messageTrace() {
        return read(messageLog);
    }

    /** The whole error log, or "" if none was written. */
    public String errorLog() {
        return read(errorLog);
    }

    /** SIPp's stdout (the final statistics screen). */
    public String stdout() {
        return read(stdout);
    }

    /** Stops SIPp and its descendants by PID: SIGTERM, then SIGKILL after a short grace. */
    @Override
    public void close() {
        ProcessHandle handle = process.toHandle();
        List<ProcessHandle> family = new ArrayList<>();
        handle.descendants().forEach(family::add);
        family.add(handle);
        for (ProcessHandle h : family) {
            if (h.isAlive()) {
                h.destroy();
            }
        }
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (ProcessHandle h : family) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    h.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (Exception ignored) {
                // escalate below
            }
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
        try {
            process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + "[pid " + process.pid() + ", " + workDir + "]";
    }

    static String describeExitCode(int code) {
        switch (code) {
            case 0: return "all calls succeeded";
            case 1: return "at least one call failed";
            case 97: return "exit on internal command";
            case 99: return "normal exit without calls processed";
            case 255: return "fatal error";
            case 254: return "fatal error binding a socket";
            case 143: return "terminated by SIGTERM";
            case 137: return "killed by SIGKILL";
            default: return "unexpected exit code";
        }
    }

    private static void appendTail(StringBuilder sb, String title, Path file) {
        sb.append("----- ").append(title).append(": ").append(file.getFileName());
        if (!Files.exists(file)) {
            sb.append(" (not written)\n");
            return;
        }
        List<String> lines = LogTail.lastLines(file, TAIL_LINES);
        sb.append(" (last ").append(lines.size()).append(" lines)\n");
        for (String line : lines) {
            sb.append("  ").append(line).append('\n');
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Options for one SIPp process; {@link #start()} launches it. */
    public static final class Builder {
        private final String scenarioResource;
        private final int localPort;
        private final String target;
        private String localIp = "127.0.0.1";
        private Transport transport = Transport.UDP;
        private Integer calls;
        private Double rate;
        private Integer limit;
        private Long durationMs;
        private String service;
        private Double lostPercent;
        private String callIdFormat;
        private Duration timeout = Duration.ofSeconds(30);
        private Duration recvTimeout;
        private boolean timeoutIsError = true;
        private boolean traceMessages = true;
        private Path workDir;
        private final Map<String, String> keys = new LinkedHashMap<>();
        private final List<String> extraArgs = new ArrayList<>();

        private Builder(String scenarioResource, int localPort, String target) {
            this.scenarioResource = Objects.requireNonNull(scenarioResource, "scenarioResource");
            if (localPort <= 0 || localPort > 65535) {
                throw new IllegalArgumentException("bad port " + localPort);
            }
            this.localPort = localPort;
            this.target = target;
        }

        /** Local address ({@code -i}); default 127.0.0.1. */
        public Builder localIp(String ip) {
            this.localIp = Objects.requireNonNull(ip);
            return this;
        }

        /** Transport ({@code -t u1|t1|tn}); default UDP. */
        public Builder transport(Transport t) {
            this.transport = Objects.requireNonNull(t);
            return this;
        }

        /** Stop after this many calls ({@code -m}). */
        public Builder calls(int m) {
            this.calls = m;
            return this;
        }

        /** Call rate in calls per second ({@code -r}). */
        public Builder rate(double callsPerSecond) {
            this.rate = callsPerSecond;
            return this;
        }

        /** Maximum simultaneous calls ({@code -l}). */
        public Builder limit(int l) {
            this.limit = l;
            return this;
        }

        /** Duration of the default {@code <pause/>} ({@code -d}, milliseconds). */
        public Builder pause(Duration d) {
            this.durationMs = d.toMillis();
            return this;
        }

        /** User part of the Request-URI, {@code [service]} ({@code -s}). */
        public Builder service(String s) {
            this.service = Objects.requireNonNull(s);
            return this;
        }

        /** Percentage of packets to lose ({@code -lost}). */
        public Builder lost(double percent) {
            this.lostPercent = percent;
            return this;
        }

        /** Value of a custom {@code [keyword]} ({@code -key k v}). */
        public Builder key(String keyword, String value) {
            keys.put(Objects.requireNonNull(keyword), Objects.requireNonNull(value));
            return this;
        }

        /**
         * Call-ID format ({@code -cid_str}, {@code %u} = call number). Give the same value to a
         * client-mode callee (uas_register_then_call.xml, uas_fork_*.xml) and to its caller so
         * that SIPp maps the INVITE to the callee's call.
         */
        public Builder callId(String format) {
            this.callIdFormat = Objects.requireNonNull(format);
            return this;
        }

        /** Global timeout ({@code -timeout}); default 30 s. Hitting it fails the run. */
        public Builder timeout(Duration d) {
            this.timeout = Objects.requireNonNull(d);
            return this;
        }

        /** Global receive timeout ({@code -recv_timeout}). */
        public Builder recvTimeout(Duration d) {
            this.recvTimeout = Objects.requireNonNull(d);
            return this;
        }

        /** Whether hitting {@code -timeout} is an error ({@code -timeout_error}); default true. */
        public Builder timeoutIsError(boolean b) {
            this.timeoutIsError = b;
            return this;
        }

        /** Whether to write the message trace ({@code -trace_msg}); default true. */
        public Builder traceMessages(boolean b) {
            this.traceMessages = b;
            return this;
        }

        /** Directory for the scenario copy and logs; default a fresh temporary directory. */
        public Builder workDir(Path dir) {
            this.workDir = dir;
            return this;
        }

        /** Any other SIPp arguments, appended as given. */
        public Builder args(String... more) {
            Collections.addAll(extraArgs, more);
            return this;
        }

        /** The command line this builder would run (the scenario path is a placeholder). */
        List<String> buildCommand(Path sippBinary, Path scenario, Path dir, String base) {
            List<String> cmd = new ArrayList<>();
            cmd.add(sippBinary.toString());
            cmd.add("-sf");
            cmd.add(scenario.toString());
            if (target != null) {
                cmd.add(target);
            }
            cmd.add("-i");
            cmd.add(localIp);
            cmd.add("-p");
            cmd.add(Integer.toString(localPort));
            cmd.add("-t");
            cmd.add(transport.flag);
            if (calls != null) {
                cmd.add("-m");
                cmd.add(Integer.toString(calls));
            }
            if (rate != null) {
                cmd.add("-r");
                cmd.add(formatNumber(rate));
            }
            if (limit != null) {
                cmd.add("-l");
                cmd.add(Integer.toString(limit));
            }
            if (durationMs != null) {
                cmd.add("-d");
                cmd.add(Long.toString(durationMs));
            }
            if (service != null) {
                cmd.add("-s");
                cmd.add(service);
            }
            if (lostPercent != null) {
                cmd.add("-lost");
                cmd.add(formatNumber(lostPercent));
            }
            if (callIdFormat != null) {
                cmd.add("-cid_str");
                cmd.add(callIdFormat);
            }
            for (Map.Entry<String, String> e : keys.entrySet()) {
                cmd.add("-key");
                cmd.add(e.getKey());
                cmd.add(e.getValue());
            }
            cmd.add("-timeout");
            cmd.add(Math.max(1, timeout.toMillis()) + "ms");
            if (timeoutIsError) {
                cmd.add("-timeout_error");
            }
            if (recvTimeout != null) {
                cmd.add("-recv_timeout");
                cmd.add(Long.toString(Math.max(1, recvTimeout.toMillis())));
            }
            cmd.add("-nostdin");
            cmd.add("-trace_err");
            cmd.add("-error_file");
            cmd.add(dir.resolve(base + "_errors.log").toString());
            // <log> actions of a scenario land here, for tests that read what SIPp saw.
            cmd.add("-trace_logs");
            cmd.add("-log_file");
            cmd.add(dir.resolve(base + "_logs.log").toString());
            if (traceMessages) {
                cmd.add("-trace_msg");
                cmd.add("-message_file");
                cmd.add(dir.resolve(base + "_messages.log").toString());
            }
            cmd.addAll(extraArgs);
            return cmd;
        }

        /** Copies the scenario, starts SIPp and returns at once (SIPp runs in the background). */
        public Sipp start() {
            Path sippBinary = binary().orElseThrow(() -> new IllegalStateException(
                    "sipp not found (PATH, /usr/bin/sipp); install the sip-tester package or set SIPP_BIN"));
            try {
                Path dir = workDir != null ? Files.createDirectories(workDir)
                        : Files.createTempDirectory("sipp-");
                String fileName = scenarioResource.substring(scenarioResource.lastIndexOf('/') + 1);
                String base = fileName.endsWith(".xml") ? fileName.substring(0, fileName.length() - 4) : fileName;
                Path scenario = dir.resolve(fileName);
                copyResource(scenarioResource, scenario);
                List<String> cmd = List.copyOf(buildCommand(sippBinary, scenario, dir, base));
                Path out = dir.resolve(base + "_stdout.txt");
                Path err = dir.resolve(base + "_stderr.txt");
                Process p = new ProcessBuilder(cmd)
                        .directory(dir.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                String name = "sipp " + base + " (" + (target == null ? "uas" : "uac") + " "
                        + localIp + ":" + localPort + (target == null ? "" : " -> " + target) + ", "
                        + transport.flag + ")";
                Sipp sipp = new Sipp(name, p, cmd, dir, out, err,
                        dir.resolve(base + "_errors.log"), dir.resolve(base + "_messages.log"),
                        dir.resolve(base + "_logs.log"));
                if (target == null) {
                    awaitListening(sipp);
                }
                return sipp;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start SIPp for " + scenarioResource, e);
            }
        }

        /**
         * Returns once a callee's socket is bound, so that the first request sent to it is not
         * lost: a lost request would only be retransmitted, but a test waiting on timers learns
         * nothing from that delay. Stops SIPp and fails when it exits or takes too long.
         */
        private void awaitListening(Sipp sipp) {
            long deadline = System.nanoTime() + BIND_TIMEOUT.toNanos();
            try {
                if (!BoundPorts.readable()) {
                    Thread.sleep(300); // no socket tables to read: SIPp binds within milliseconds
                    return;
                }
                while (!(transport == Transport.UDP ? BoundPorts.udpBound(localPort) : BoundPorts.tcpListening(localPort))) {
                    if (!sipp.isAlive() || System.nanoTime() > deadline) {
                        sipp.close();
                        throw new AssertionError(sipp.name + " did not start listening on port " + localPort
                                + " within " + BIND_TIMEOUT + "\n" + sipp.diagnostics());
                    }
                    Thread.sleep(10);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                sipp.close();
                throw new AssertionError(sipp.name + " interrupted while waiting for it to listen", e);
            }
        }

        private static void copyResource(String resource, Path to) throws IOException {
            String r = resource.startsWith("/") ? resource.substring(1) : resource;
            ClassLoader cl = Thread.currentThread().getContextClassLoader();
            if (cl == null) {
                cl = Sipp.class.getClassLoader();
            }
            try (InputStream in = cl.getResourceAsStream(r)) {
                if (in == null) {
                    throw new IOException("scenario not on the test classpath: " + resource);
                }
                Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        private static String formatNumber(double d) {
            if (d == Math.rint(d)) {
                return Long.toString((long) d);
            }
            return String.format(Locale.ROOT, "%s", d);
        }
    }
}
