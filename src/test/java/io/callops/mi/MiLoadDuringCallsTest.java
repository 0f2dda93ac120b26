package io.callops.mi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callops.testsupport.FreePorts;
import io.callops.testsupport.Sipp;
import io.callops.testsupport.SippAvailable;
import io.callops.testsupport.TestProxy;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 200 management clients on kept-alive connections query the MI for 10 s while SIPp runs calls
 * through the same proxy: every MI request is answered and every call completes, at the rate asked.
 */
@Tag("sipp")
class MiLoadDuringCallsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 200;
    private static final Duration LOAD = Duration.ofSeconds(10);
    private static final int CALL_RATE = 20;
    /** Exactly as many calls as the load lasts, so every INVITE is sent while the MI is busy. */
    private static final int CALLS = CALL_RATE * (int) LOAD.toSeconds();
    /** A client's pause between its requests: realistic pollers, and CPU left for SIP on two cores. */
    private static final long THINK_MILLIS = 5;
    private static final List<String> QUERIES = List.of(
            "{\"jsonrpc\":\"2.0\",\"method\":\"uptime\",\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"get_statistics\",\"params\":{\"statistics\":[\"all\"]},\"id\":2}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"which\",\"id\":3}");

    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    @Test
    void managementLoadDisturbsNeitherCallsNorItself() throws Exception {
        SippAvailable.assumeSipp();
        List<Integer> ports = FreePorts.udpAndTcp(2);
        try (TestProxy proxy = TestProxy.start(Map.of("routes", Map.of("bob", "sip:127.0.0.1:" + ports.get(0))));
             Sipp callee = Sipp.uas("sipp/uas_call.xml", ports.get(0)).calls(CALLS).timeout(Duration.ofSeconds(60)).start()) {
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            try (Sipp caller = Sipp.uac("sipp/uac_call.xml", ports.get(1), proxy.address()).service("bob")
                    .calls(CALLS).rate(CALL_RATE).limit(CALLS).timeout(Duration.ofSeconds(60))
                    .args("-trace_stat", "-stf", "calls.csv", "-fd", "1").start()) {
                long invitesBefore = proxy.server().services().stats().requests("INVITE");
                long start = System.nanoTime();
                long deadline = start + LOAD.toNanos();
                List<Future<Long>> clients = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    clients.add(pool.submit(() -> poll(proxy.miPort(), deadline)));
                }
                List<Long> perClient = new ArrayList<>();
                for (Future<Long> c : clients) {
                    perClient.add(c.get(LOAD.toSeconds() + 30, TimeUnit.SECONDS));
                }
                long loadEndedAtMillis = System.currentTimeMillis();
                double seconds = (System.nanoTime() - start) / 1e9;
                long invites = proxy.server().services().stats().requests("INVITE") - invitesBefore;
                caller.awaitSuccess(Duration.ofSeconds(60));
                callee.awaitSuccess(Duration.ofSeconds(15));

                assertThat(failed.get()).as("MI requests that failed; the first: " + firstFailure.get()).isZero();
                assertThat(perClient).as("every client was answered on its one connection").allMatch(n -> n > 0);
                assertThat(answered.get()).as("MI requests answered").isGreaterThan(CLIENTS * 10L);
                List<Map<String, String>> sippStats = sippStatistics(caller.workDir().resolve("calls.csv"));
                Map<String, String> duringLoad = lastRowBefore(sippStats, loadEndedAtMillis);
                double rate = Double.parseDouble(duringLoad.get("CallRate(C)"));
                System.out.printf("MI: %d requests answered by %d clients in %.1f s; calls: %s started at %.1f per second"
                        + " (SIPp's figure at %s), %d INVITEs received by the proxy%n", answered.get(), CLIENTS, seconds,
                        duringLoad.get("OutgoingCall(C)"), rate, duringLoad.get("ElapsedTime(C)"), invites);
                // While the MI was under load, calls were started at the rate asked, and reached the proxy.
                assertThat(rate).as("call rate during the load").isBetween(CALL_RATE * 0.9, CALL_RATE * 1.1);
                assertThat(invites).as("INVITEs received by the proxy during the load").isGreaterThanOrEqualTo((long) (CALLS * 0.9));
                Map<String, String> end = sippStats.get(sippStats.size() - 1);
                assertThat(List.of(end.get("OutgoingCall(C)"), end.get("SuccessfulCall(C)"), end.get("FailedCall(C)")))
                        .as("SIPp's outgoing, successful and failed calls").containsExactly(
                                String.valueOf(CALLS), String.valueOf(CALLS), "0");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** One client: one connection, requests one after the other until the deadline; returns how many were answered. */
    private long poll(int miPort, long deadline) {
        long n = 0;
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), miPort)) {
            s.setSoTimeout(10_000);
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            while (System.nanoTime() < deadline) {
                String query = QUERIES.get((int) (n % QUERIES.size()));
                byte[] body = query.getBytes(StandardCharsets.UTF_8);
                out.write(("POST /mi HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                RawHttpResponse r = RawHttpResponse.read(in);
                JsonNode answer = JSON.readTree(r.body());
                if (r.status() != 200 || !answer.has("result") || answer.has("error")
                        || r.header("connection").equalsIgnoreCase("close")) {
                    fail(query + " -> HTTP " + r.status() + " " + r.headers() + " " + r.bodyText());
                    return n;
                }
                n++;
                answered.incrementAndGet();
                Thread.sleep(THINK_MILLIS);
            }
        } catch (Exception e) {
            fail("after " + n + " answers: " + e);
        }
        return n;
    }

    private void fail(String what) {
        failed.incrementAndGet();
        firstFailure.compareAndSet(null, what);
    }

    /** SIPp's statistics file ({@code -trace_stat}): one row per second, by column name. */
    private static List<Map<String, String>> sippStatistics(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        String[] names = lines.get(0).split(";");
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] values = line.split(";");
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < names.length && i < values.length; i++) {
                row.put(names[i], values[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    /** The last row written before {@code epochMillis}; SIPp's times end with the epoch seconds. */
    private static Map<String, String> lastRowBefore(List<Map<String, String>> rows, long epochMillis) {
        Map<String, String> found = null;
        for (Map<String, String> row : rows) {
            String[] time = row.get("CurrentTime").split("\t");
            if (Double.parseDouble(time[time.length - 1]) * 1000 <= epochMillis) {
                found = row;
            }
        }
        assertThat(found).as("a SIPp statistics row written during the load").isNotNull();
        return found;
    }
}
