package io.callops.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callops.testsupport.Baresip;
import io.callops.testsupport.BaresipAvailable;
import io.callops.testsupport.FreePorts;
import io.callops.testsupport.MiHttp;
import io.callops.testsupport.SippAvailable;
import io.callops.testsupport.TestProxy;
import io.callops.testsupport.UdpEventRecorder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real softphones (baresip) in a call through the proxy; the proxy holds the caller's
 * leg and takes it off hold. Each phone answers our re-INVITE with the matching direction.
 */
@Tag("sipp")
@ExtendWith({SippAvailable.class, BaresipAvailable.class})
class BaresipHoldTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void baresipAnswersOurHoldAndUnholdWithTheMatchingDirections() throws Exception {
        List<Integer> ports = FreePorts.udpAndTcp(2);
        int alicePort = FreePorts.udpAndTcpWithNext();
        int bobPort = FreePorts.udpAndTcpWithNext();
        try (TestProxy proxy = TestProxy.start(Map.of("routes", Map.of("bob", "sip:127.0.0.1:" + bobPort)));
             UdpEventRecorder events = UdpEventRecorder.subscribe(proxy.miPort(), "E_CALL_HOLD");
             Baresip bob = Baresip.start(dir.resolve("bob"), "bob", bobPort, ports.get(0), 21200, Duration.ofSeconds(60));
             Baresip alice = Baresip.start(dir.resolve("alice"), "alice", alicePort, ports.get(1), 21100,
                     Duration.ofSeconds(60))) {
            alice.command("dial", "sip:bob@" + proxy.address());
            alice.awaitEvent("CALL_ESTABLISHED", WAIT);
            bob.awaitEvent("CALL_ESTABLISHED", WAIT);
            String callId = MiHttp.awaitConfirmedCall(proxy.miPort(), WAIT);

            JsonNode hold = MiHttp.call(proxy.miPort(), "call_hold", "{\"callid\":\"" + callId + "\",\"leg\":\"caller\"}");
            assertThat(hold.path("result").asText()).as(hold.toString()).isEqualTo("OK");
            assertThat(UdpEventRecorder.summary(events.await(4, WAIT))).containsExactly(
                    callId + "|caller|start|", callId + "|caller|ok|", callId + "|callee|start|", callId + "|callee|ok|");
            List<String> states = states(events.await(4, WAIT));
            assertThat(states).containsExactly("hold/start", "hold/ok", "hold/start", "hold/ok");
            JsonNode d = dialog(proxy.miPort(), callId);
            // Offered sendonly (we send, the caller does not), baresip answers recvonly; the mirror for the callee.
            assertThat(d.path("caller_sdp").asText()).contains("a=recvonly");
            assertThat(d.path("CALLEES").get(0).path("callee_sdp").asText()).contains("a=sendonly");

            JsonNode unhold = MiHttp.call(proxy.miPort(), "call_unhold", "{\"callid\":\"" + callId + "\"}");
            assertThat(unhold.path("result").asText()).as(unhold.toString()).isEqualTo("OK");
            assertThat(states(events.await(8, WAIT)).subList(4, 8))
                    .containsExactly("unhold/start", "unhold/ok", "unhold/start", "unhold/ok");
            JsonNode after = dialog(proxy.miPort(), callId);
            assertThat(after.path("caller_sdp").asText()).contains("a=sendrecv");
            assertThat(after.path("CALLEES").get(0).path("callee_sdp").asText()).contains("a=sendrecv");
            alice.command("hangup", "");
            bob.awaitEvent("CALL_CLOSED", WAIT);
        }
    }

    private static List<String> states(List<JsonNode> events) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : events) out.add(e.path("action").asText() + "/" + e.path("state").asText());
        return out;
    }

    private static JsonNode dialog(int miPort, String callId) throws Exception {
        return MiHttp.call(miPort, "dlg_list", "{\"callid\":\"" + callId + "\"}").path("result").path("Dialogs").get(0);
    }


}
