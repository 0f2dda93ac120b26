package io.callops.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callops.testsupport.Sipp;
import io.callops.testsupport.SippAvailable;
import io.callops.testsupport.UdpEventRecorder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Blind transfers started over the MI, with SIPp phones: the transferee gets our REFER,
 * places the new call through the proxy with the Refer-To URI, and a UDP subscriber checks
 * every E_CALL_TRANSFER event in order.
 */
@Tag("sipp")
@ExtendWith(SippAvailable.class)
class BlindTransferTest {
    private static final Duration WAIT = CallRig.WAIT;

    @Test
    void callerTransferredInParamMode() throws Exception {
        try (CallRig rig = new CallRig(Map.of("callops.mode", "param"), "bob", "carol")) {
            Sipp bob = rig.callee("bob", "uas_call.xml", 1);
            Sipp carol = rig.callee("carol", "xfer_target_uas.xml", 1);
            CallRig.pause(300);
            Sipp alice = rig.caller(0, "xfer_transferee_uac.xml", "bob", Map.of());
            String callA = rig.awaitCallTo("bob");

            String destination = rig.uri("carol");
            JsonNode r = rig.mi("call_transfer", "{\"callid\":\"" + callA + "\",\"leg\":\"caller\",\"destination\":\""
                    + destination + "\"}");
            assertThat(r.path("result").asText()).as(r.toString()).isEqualTo("Accepted");

            String referTo = alice.awaitLogLine("REFER-TO", WAIT);
            assertThat(referTo).startsWith(destination + ";osid=");
            Sipp newCall = rig.caller(1, "xfer_newcall_uac.xml", null, Map.of("target", referTo, "original", callA));
            newCall.awaitSuccess(WAIT);
            alice.awaitSuccess(WAIT);   // got the proxy's BYE: the old call was ended after ok
            bob.awaitSuccess(WAIT);
            carol.awaitSuccess(WAIT);

            List<JsonNode> events = rig.events.awaitExactly(3, Duration.ofMillis(500));
            String newCallId = events.get(2).path("transfer_callid").asText();
            assertThat(newCallId).isNotEmpty().isNotEqualTo(callA);
            assertThat(UdpEventRecorder.summary(events)).containsExactly(
                    callA + "|caller|start|",
                    callA + "|caller|notify|100 Trying",
                    callA + "|caller|ok|200 OK");
            assertThat(events.get(0).path("transfer_callid").asText()).isEmpty();
            assertThat(events.get(0).path("destination").asText()).isEqualTo(destination);
            assertThat(events.get(2).path("destination").asText()).isEqualTo(destination);
        }
    }
}
