package io.callops.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callops.testsupport.Baresip;
import io.callops.testsupport.BaresipAvailable;
import io.callops.testsupport.FreePorts;
import io.callops.testsupport.Sipp;
import io.callops.testsupport.SippAvailable;
import io.callops.testsupport.UdpEventRecorder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real softphone as the transferee: baresip calls bob through the proxy, accepts the
 * proxy's REFER, calls carol through the proxy with the Refer-To URI, and reports with
 * NOTIFYs; the events arrive as with SIPp.
 */
@Tag("sipp")
@ExtendWith({SippAvailable.class, BaresipAvailable.class})
class BaresipTransferTest {
    private static final Duration WAIT = CallRig.WAIT;

    @TempDir
    Path dir;

    @Test
    void baresipAcceptsOurReferAndCallsTheTarget() throws Exception {
        try (CallRig rig = new CallRig(Map.of(), "bob", "carol")) {
            Sipp bob = rig.callee("bob", "uas_call.xml", 1);
            Sipp carol = rig.callee("carol", "xfer_target_uas.xml", 1);
            List<Integer> ports = FreePorts.udpAndTcp(1);
            int sipPort = FreePorts.udpAndTcpWithNext();
            try (Baresip alice = Baresip.start(dir.resolve("alice"), "alice", sipPort, ports.get(0), 21000,
                    Duration.ofSeconds(60))) {
                alice.command("dial", rig.uri("bob"));
                alice.awaitEvent("CALL_ESTABLISHED", WAIT);
                String callA = rig.awaitCallTo("bob");

                String destination = rig.uri("carol");
                JsonNode r = rig.mi("call_transfer", "{\"callid\":\"" + callA + "\",\"leg\":\"caller\",\"destination\":\""
                        + destination + "\"}");
                assertThat(r.path("result").asText()).as(r.toString()).isEqualTo("Accepted");

                // baresip sends its final NOTIFY as soon as the new call is answered: it may reach the
                // proxy before or after the answer is accounted, so ok and the last notify come in
                // either order (as in OpenSIPS).
                List<JsonNode> events = rig.events.await(4, WAIT);
                List<String> summary = UdpEventRecorder.summary(events);
                assertThat(summary.subList(0, 2)).containsExactly(
                        callA + "|caller|start|",
                        callA + "|caller|notify|100 Trying");
                assertThat(summary.subList(2, 4)).contains(callA + "|caller|ok|200 OK")
                        .anyMatch(e -> e.startsWith(callA + "|") && e.endsWith("|notify|200 OK"));
                JsonNode ok = events.stream().filter(e -> e.path("state").asText().equals("ok")).findFirst().orElseThrow();
                assertThat(ok.path("transfer_callid").asText()).isNotEmpty().isNotEqualTo(callA);
                bob.awaitSuccess(WAIT);            // the old call was ended by the proxy
                alice.awaitEvent("CALL_ESTABLISHED", WAIT); // the new call, to carol
                alice.command("hangup", "");
                carol.awaitSuccess(WAIT);
            }
        }
    }
}
