package io.callops.mi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callops.testsupport.FreePorts;
import io.callops.testsupport.TestProxy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code callops-cli events} against an MI that records {@code event_subscribe} calls and
 * delivers events as the proxy does (one JSON-RPC notification per UDP datagram), and once
 * against the proxy's own event interface.
 */
class CliEventsCommandTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOLD = "{\"jsonrpc\":\"2.0\",\"method\":\"E_CALL_HOLD\",\"params\":{\"callid\":\"a84b4c76e66710\","
            + "\"leg\":\"caller\",\"action\":\"hold\",\"state\":\"ok\"}}";
    private static final String TRANSFER = "{\"jsonrpc\":\"2.0\",\"method\":\"E_CALL_TRANSFER\",\"params\":{\"callid\":\"c1\","
            + "\"leg\":\"callee\",\"transfer_callid\":\"\",\"destination\":\"sip:agent@example.net\",\"state\":\"start\",\"status\":\"\"}}";

    private RecordingEventMi mi;
    private Map<String, String> env;

    @BeforeEach
    void start() throws Exception {
        mi = RecordingEventMi.start("E_NO_SUCH");
        env = Map.of("CALLOPS_MI_URL", mi.url());
    }

    @AfterEach
    void stop() {
        mi.close();
    }

    private RecordingEventMi.Call awaitSubscribe(String event) throws InterruptedException {
        RecordingEventMi.Call c = mi.nextCall(WAIT);
        assertThat(c.method()).isEqualTo("event_subscribe");
        assertThat(c.event()).isEqualTo(event);
        return c;
    }

    @Test
    void printsEachEventOnItsOwnLineAndUnsubscribesAfterCount() throws Exception {
        CliRun.Running run = CliRun.start(env, "events", "--count", "3", "E_CALL_HOLD", "E_CALL_TRANSFER");
        RecordingEventMi.Call hold = awaitSubscribe("E_CALL_HOLD");
        RecordingEventMi.Call transfer = awaitSubscribe("E_CALL_TRANSFER");
        assertThat(hold.socket()).matches("udp:127\\.0\\.0\\.1:\\d+").isEqualTo(transfer.socket());
        assertThat(hold.expire()).isEqualTo(3600);

        mi.send(hold.socket(), HOLD);
        run.awaitOut(out -> out.equals(HOLD + "\n"), WAIT); // printed as it comes, before the run ends
        mi.send(hold.socket(), TRANSFER);
        mi.send(hold.socket(), HOLD);
        CliRun.Result r = run.await(WAIT);

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.outLines()).containsExactly(HOLD, TRANSFER, HOLD);
        assertThat(r.err()).contains("subscribed " + hold.socket() + " to E_CALL_HOLD, E_CALL_TRANSFER");
        assertUnsubscribed(hold.socket(), "E_CALL_HOLD", "E_CALL_TRANSFER");
    }

    @Test
    void stopSignalUnsubscribesAndExitsZero() throws Exception {
        CliRun.Running run = CliRun.start(env, "events", "E_CALL_HOLD");
        RecordingEventMi.Call hold = awaitSubscribe("E_CALL_HOLD");
        mi.send(hold.socket(), HOLD);
        run.awaitOut(out -> out.contains(HOLD), WAIT);

        run.interrupt();
        CliRun.Result r = run.await(WAIT);
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.outLines()).containsExactly(HOLD);
        assertUnsubscribed(hold.socket(), "E_CALL_HOLD");
    }

    @Test
    void renewsTheSubscriptionBeforeItExpires() throws Exception {
        CliRun.Result r = CliRun.run(env, "events", "--expire", "1", "--timeout", "2", "E_CALL_HOLD");
        assertThat(r.status()).as(r.toString()).isZero();
        List<RecordingEventMi.Call> calls = mi.calls();
        // Subscribed at 0 s, renewed every 2/3 s, unsubscribed at 2 s.
        assertThat(calls).allMatch(c -> c.event().equals("E_CALL_HOLD"));
        assertThat(calls.subList(0, calls.size() - 1)).hasSizeGreaterThanOrEqualTo(3).allMatch(c -> c.expire() == 1);
        assertThat(calls.get(calls.size() - 1).expire()).isZero();
    }

    @Test
    void timeoutBeforeCountIsExitFourAndStillUnsubscribes() throws Exception {
        CliRun.Result r = CliRun.run(env, "events", "--count", "2", "--timeout", "1", "E_CALL_HOLD");
        assertThat(r.status()).as(r.toString()).isEqualTo(ExitStatus.TIMED_OUT);
        assertThat(r.out()).isEmpty();
        assertThat(mi.calls()).extracting(RecordingEventMi.Call::expire).containsExactly(3600, 0);
    }

    @Test
    void refusedEventIsAnMiErrorAndTheOthersAreUnsubscribed() throws Exception {
        CliRun.Result r = CliRun.run(env, "events", "E_CALL_HOLD", "E_NO_SUCH", "E_CALL_TRANSFER");
        assertThat(r.status()).as(r.toString()).isEqualTo(ExitStatus.MI_ERROR);
        assertThat(r.err()).contains("cannot subscribe to E_NO_SUCH").contains("\"code\":400").contains("Bad parameter value");
        List<RecordingEventMi.Call> calls = mi.calls();
        assertThat(calls).extracting(c -> c.event() + "/" + c.expire())
                .containsExactly("E_CALL_HOLD/3600", "E_NO_SUCH/3600", "E_CALL_HOLD/0");
    }

    @Test
    void datagramsThatAreNotJsonObjectsAreSkippedAndMultiLineJsonIsFolded() throws Exception {
        CliRun.Running run = CliRun.start(env, "events", "--count", "1", "E_CALL_HOLD");
        RecordingEventMi.Call hold = awaitSubscribe("E_CALL_HOLD");
        mi.send(hold.socket(), "not json");
        mi.send(hold.socket(), "[1,2]");
        mi.send(hold.socket(), "{\n  \"jsonrpc\": \"2.0\",\r\n  \"method\": \"E_CALL_HOLD\"\n}\n");
        CliRun.Result r = run.await(WAIT);
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.outLines()).containsExactly("{   \"jsonrpc\": \"2.0\",   \"method\": \"E_CALL_HOLD\" }");
        assertThat(r.err()).contains("ignored a datagram").contains("(8 bytes)").contains("(5 bytes)");
    }

    @Test
    void addressAndPortChooseTheSocket() throws Exception {
        int port = FreePorts.udpAndTcp();
        CliRun.Running run = CliRun.start(env, "events", "--address", "127.0.0.1", "--port", String.valueOf(port),
                "--count", "1", "E_CALL_HOLD");
        RecordingEventMi.Call hold = awaitSubscribe("E_CALL_HOLD");
        assertThat(hold.socket()).isEqualTo("udp:127.0.0.1:" + port);
        mi.send(hold.socket(), HOLD);
        assertThat(run.await(WAIT).outLines()).containsExactly(HOLD);
    }

    @Test
    void stopsAndUnsubscribesWhenStdoutIsClosed() throws Exception {
        // What "callops-cli events ... | head -1" leaves once head has exited.
        OutputStream closedPipe = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliEnvironment io = new CliEnvironment(new PrintStream(closedPipe, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, StopSignal::new);
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> CallopsCli.run(new String[] {"events", "E_CALL_HOLD"}, io));
        RecordingEventMi.Call hold = awaitSubscribe("E_CALL_HOLD");
        mi.send(hold.socket(), HOLD);
        assertThat(status.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("stdout is closed");
        assertUnsubscribed(hold.socket(), "E_CALL_HOLD");
    }

    @Test
    void theProxysOwnEventsArriveAndTheSubscriptionIsGoneAfterwards() throws Exception {
        try (TestProxy proxy = TestProxy.start()) {
            Map<String, String> proxyMi = Map.of("CALLOPS_MI_URL", "http://127.0.0.1:" + proxy.miPort() + "/mi");
            CliRun.Running run = CliRun.start(proxyMi, "events", "--count", "2", "E_CALL_HOLD");
            run.awaitErr(err -> err.contains("subscribed udp:127.0.0.1:"), WAIT);
            JsonNode subscribers = JSON.readTree(CliRun.run(proxyMi, "mi", "subscribers_list", "event=E_CALL_HOLD").out());
            JsonNode ours = subscribers.path("Event").path("Subscribers").path(0);
            assertThat(ours.path("socket").asText()).matches("udp:127\\.0\\.0\\.1:\\d+");
            assertThat(ours.path("expire").asInt()).isBetween(3590, 3600);

            // raise_event takes the values in declaration order: callid, leg, action, state.
            assertThat(CliRun.run(proxyMi, "mi", "raise_event", "E_CALL_HOLD", "c1", "caller", "hold", "ok").status()).isZero();
            assertThat(CliRun.run(proxyMi, "mi", "raise_event", "event=E_CALL_HOLD", "params=c1 caller unhold ok").status()).isZero();
            CliRun.Result r = run.await(WAIT);
            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(r.outLines()).containsExactly(
                    "{\"jsonrpc\":\"2.0\",\"method\":\"E_CALL_HOLD\",\"params\":{\"callid\":\"c1\",\"leg\":\"caller\",\"action\":\"hold\",\"state\":\"ok\"}}",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"E_CALL_HOLD\",\"params\":{\"callid\":\"c1\",\"leg\":\"caller\",\"action\":\"unhold\",\"state\":\"ok\"}}");
            JsonNode after = JSON.readTree(CliRun.run(proxyMi, "mi", "subscribers_list", "event=E_CALL_HOLD").out());
            assertThat(after.path("Event").path("Subscribers")).as(after.toString()).isEmpty();
        }
    }

    @Test
    void unreachableMiIsExitThree() {
        CliRun.Result r = CliRun.run(Map.of("CALLOPS_MI_URL", "http://127.0.0.1:" + FreePorts.udpAndTcp() + "/mi"),
                "events", "E_CALL_HOLD");
        assertThat(r.status()).as(r.toString()).isEqualTo(ExitStatus.UNREACHABLE);
        assertThat(r.err()).contains("cannot reach the MI");
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(CliRun.run(env, "events").status()).isEqualTo(ExitStatus.USAGE);
        for (List<String> bad : List.of(List.of("--address", "localhost"), List.of("--address", "0.0.0.0"),
                List.of("--port", "70000"), List.of("--expire", "0"), List.of("--count", "0"), List.of("--timeout", "0"))) {
            String[] args = Stream.of(List.of("events"), bad, List.of("E_CALL_HOLD")).flatMap(List::stream).toArray(String[]::new);
            CliRun.Result r = CliRun.run(env, args);
            assertThat(r.status()).as(bad + ": " + r).isEqualTo(ExitStatus.USAGE);
            assertThat(r.err()).as(bad.toString()).contains(bad.get(0));
        }
        assertThat(mi.calls()).as("nothing subscribed on a usage error").isEmpty();
    }

    private void assertUnsubscribed(String socket, String... events) {
        List<RecordingEventMi.Call> calls = mi.calls();
        List<RecordingEventMi.Call> last = calls.subList(calls.size() - events.length, calls.size());
        assertThat(last).extracting(RecordingEventMi.Call::event).containsExactly(events);
        assertThat(last).allMatch(c -> c.expire() == 0 && c.socket().equals(socket) && c.method().equals("event_subscribe"));
    }
}
