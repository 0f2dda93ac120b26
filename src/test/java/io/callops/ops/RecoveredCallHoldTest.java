package io.callops.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callops.testsupport.Baresip;
import io.callops.testsupport.BaresipAvailable;
import io.callops.testsupport.FreePorts;
import io.callops.testsupport.MiHttp;
import io.callops.testsupport.ProxyProcess;
import io.callops.testsupport.SippAvailable;
import io.callops.testsupport.UdpEventRecorder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hold and unhold of a call that survived {@code kill -9}: two baresip phones in a call
 * through callops (its own JVM, SQLite store); the proxy is killed and started again, and the
 * recovered call is held and taken off hold.
 */
@Tag("sipp")
@ExtendWith({SippAvailable.class, BaresipAvailable.class})
class RecoveredCallHoldTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aRecoveredCallIsHeldAndResumed() throws Exception {
        List<Integer> ports = FreePorts.udpAndTcp(4);
        int sip = ports.get(0);
        int mi = ports.get(1);
        int bobPort = FreePorts.udpAndTcpWithNext();
        int alicePort = FreePorts.udpAndTcpWithNext();
        List<String> args = List.of("--listen", "udp:127.0.0.1:" + sip, "--mi-listen", "127.0.0.1:" + mi,
                "--route", "bob=sip:127.0.0.1:" + bobPort, "--store-path", dir.resolve("data/dialogs.db").toString(),
                "--store-flush-delay-ms", "100");
        ProxyProcess first = ProxyProcess.start(dir.resolve("first.log"), args);
        try (Baresip bob = Baresip.start(dir.resolve("bob"), "bob", bobPort, ports.get(2), 21400, Duration.ofSeconds(90));
             Baresip alice = Baresip.start(dir.resolve("alice"), "alice", alicePort, ports.get(3), 21300,
                     Duration.ofSeconds(90))) {
            alice.command("dial", "sip:bob@127.0.0.1:" + sip);
            alice.awaitEvent("CALL_ESTABLISHED", WAIT);
            String callId = MiHttp.awaitConfirmedCall(mi, Duration.ofSeconds(15));
            Thread.sleep(400); // past the store's flush delay
            first.kill();
            try (ProxyProcess second = ProxyProcess.start(dir.resolve("second.log"), args);
                 UdpEventRecorder events = UdpEventRecorder.subscribe(mi, "E_CALL_HOLD")) {
                assertThat(second.output()).contains("recovered 1 dialogs");
                JsonNode hold = MiHttp.call(mi, "call_hold", "{\"callid\":\"" + callId + "\"}");
                assertThat(hold.path("result").asText()).as(hold.toString()).isEqualTo("OK");
                assertThat(UdpEventRecorder.summary(events.await(4, WAIT))).containsExactly(
                        callId + "|caller|start|", callId + "|caller|ok|", callId + "|callee|start|",
                        callId + "|callee|ok|");
                JsonNode d = MiHttp.call(mi, "dlg_list", "{\"callid\":\"" + callId + "\"}").path("result").path("Dialogs").get(0);
                assertThat(d.path("caller_sdp").asText()).contains("a=inactive");
                assertThat(d.path("CALLEES").get(0).path("callee_sdp").asText()).contains("a=inactive");
                JsonNode unhold = MiHttp.call(mi, "call_unhold", "{\"callid\":\"" + callId + "\"}");
                assertThat(unhold.path("result").asText()).as(unhold.toString()).isEqualTo("OK");
                assertThat(events.await(8, WAIT)).hasSize(8);
                alice.command("hangup", "");
                bob.awaitEvent("CALL_CLOSED", WAIT); // the BYE still finds its way through the restarted proxy
            }
        } finally {
            first.close();
        }
    }


}
