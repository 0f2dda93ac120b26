package io.callops.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real softphone for tests: baresip (Debian package {@code baresip-core}) on loopback,
 * headless (the {@code aubridge} audio module), auto-answering, driven through its
 * {@code ctrl_tcp} module (JSON in netstrings) and bounded by {@code -t}.
 */
public final class Baresip implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path dir;
    private final Socket control;
    private final LinkedBlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private int token;

    private Baresip(Process process, Path dir, Socket control) {
        this.process = process;
        this.dir = dir;
        this.control = control;
        Thread reader = new Thread(this::readControl, "baresip-control");
        reader.setDaemon(true);
        reader.start();
    }

    /** The binary, when installed. */
    public static Optional<Path> binary() {
        for (String p : List.of("/usr/bin/baresip", "/usr/local/bin/baresip")) {
            if (Files.isExecutable(Path.of(p))) return Optional.of(Path.of(p));
        }
        return Optional.empty();
    }

    /** Module directory of the installed package. */
    private static Path modules() {
        for (String p : List.of("/usr/lib/baresip/modules", "/usr/lib/x86_64-linux-gnu/baresip/modules",
                "/usr/local/lib/baresip/modules")) {
            if (Files.isRegularFile(Path.of(p, "account.so"))) return Path.of(p);
        }
        throw new IllegalStateException("baresip modules not found");
    }

    /**
     * Starts user {@code user} listening on 127.0.0.1:{@code sipPort} (baresip also takes
     * sipPort+1 for TLS: pick it with {@link FreePorts#udpAndTcpWithNext()}), controlled on
     * {@code ctrlPort}, for at most {@code lifetime}.
     */
    public static Baresip start(Path dir, String user, int sipPort, int ctrlPort, int rtpBase, Duration lifetime) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("config"), String.join("\n",
                    "poll_method epoll",
                    "sip_listen 127.0.0.1:" + sipPort,
                    "audio_player aubridge," + user,
                    "audio_source aubridge," + user,
                    "audio_alert aubridge," + user,
                    "rtp_ports " + rtpBase + "-" + (rtpBase + 99),
                    "dns_server 127.0.0.1:53",
                    "net_interface 127.0.0.1",
                    "module_path " + modules(),
                    "module g711.so",
                    "module aubridge.so",
                    "module_tmp uuid.so",
                    "module_tmp account.so",
                    "module_app menu.so",
                    "module_app ctrl_tcp.so",
                    "ctrl_tcp_listen 127.0.0.1:" + ctrlPort, ""));
            Files.writeString(dir.resolve("accounts"), "<sip:" + user + "@127.0.0.1:" + sipPort
                    + ">;regint=0;answermode=auto;audio_codecs=pcmu\n");
            Files.writeString(dir.resolve("contacts"), "");
            Process p = new ProcessBuilder(binary().orElseThrow(() -> new IllegalStateException(
                    "baresip not installed (package baresip-core)")).toString(),
                    "-f", dir.toString(), "-t", Long.toString(lifetime.toSeconds()), "-s")
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("baresip.log").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (true) {
                try {
                    Socket s = new Socket();
                    s.connect(new InetSocketAddress("127.0.0.1", ctrlPort), 500);
                    return new Baresip(p, dir, s);
                } catch (IOException e) {
                    if (!p.isAlive() || System.nanoTime() > deadline) {
                        p.destroyForcibly();
                        throw new AssertionError("baresip did not start: " + Files.readString(dir.resolve("baresip.log")));
                    }
                    Thread.sleep(50);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a command ({@code dial sip:...}, {@code hangup}, {@code hold}...). */
    public synchronized void command(String command, String params) {
        String json = JSON.createObjectNode().put("command", command).put("params", params)
                .put("token", Integer.toString(++token)).toString();
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try {
            OutputStream out = control.getOutputStream();
            out.write((body.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.write(',');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for an event of this type (e.g. {@code CALL_ESTABLISHED}) not consumed before. */
    public JsonNode awaitEvent(String type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            synchronized (seen) {
                for (int i = 0; i < seen.size(); i++) {
                    if (type.equals(seen.get(i).path("type").asText())) return seen.remove(i);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new AssertionError("baresip sent no " + type + "; log:\n" + log());
            JsonNode e = events.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
            if (e != null) {
                synchronized (seen) {
                    seen.add(e);
                }
            }
        }
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("baresip.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void readControl() {
        try (InputStream in = control.getInputStream()) {
            while (true) {
                int len = 0;
                int c;
                while ((c = in.read()) != ':') {
                    if (c < 0) return;
                    len = len * 10 + (c - '0');
                }
                byte[] body = in.readNBytes(len);
                in.read(); // ','
                JsonNode n = JSON.readTree(body);
                if (n.path("event").asBoolean(false)) events.add(n);
            }
        } catch (IOException e) {
            // closed with the phone
        }
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        try {
            control.close();
        } catch (IOException ignored) {
            // the process goes anyway
        }
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
