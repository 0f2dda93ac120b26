package io.callops.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callops.testsupport.Sipp;
import io.callops.testsupport.SippAvailable;
import io.callops.testsupport.UdpEventRecorder;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Attended transfer between two calls through the proxy (reference §2): alice–bob (A) and
 * dave–carol (B). The proxy REFERs alice to carol with a Replaces naming B; alice's new
 * INVITE to carol replaces B. Events come on both dialogs.
 */
@Tag("sipp")
@ExtendWith(SippAvailable.class)
class AttendedTransferTest {
    private static final Duration WAIT = CallRig.WAIT;

    @Test
    void callerOfOneCallReplacesTheCallerOfAnother() throws Exception {
        try (CallRig rig = new CallRig(Map.of(), "bob", "carol")) {
            Sipp bob = rig.callee("bob", "uas_call.xml", 1);
            Sipp carol = rig.callee("carol", "uas_call.xml", 2); // call B, then the new call
            CallRig.pause(300);
            Sipp alice = rig.caller(0, "xfer_transferee_uac.xml", "bob", Map.of());
            String callA = rig.awaitCallTo("bob");
            Sipp dave = rig.callerLasting(1, "uac_call.xml", "carol", Duration.ofSeconds(6));
            String callB = rig.awaitCallTo("carol");

            JsonNode r = rig.mi("call_transfer", "{\"callid\":\"" + callA + "\",\"leg\":\"caller\",\"transfer_callid\":\""
                    + callB + "\",\"transfer_leg\":\"callee\"}");
            assertThat(r.path("result").asText()).as(r.toString()).isEqualTo("Accepted");
            String referTo = alice.awaitLogLine("REFER-TO", WAIT);
            // The destination is B's callee, with B's dialog embedded as seen by carol (RFC 3891).
            assertThat(referTo).startsWith(rig.uri("carol") + "?Replaces=");
            String target = referTo.substring(0, referTo.indexOf('?'));
            String replaces = URLDecoder.decode(referTo.substring(referTo.indexOf("?Replaces=") + 10), StandardCharsets.UTF_8);
            assertThat(replaces).startsWith(callB + ";to-tag=").contains("Callee").contains(";from-tag=");

            Sipp newCall = rig.caller(2, "xfer_newcall_replaces_uac.xml", null,
                    Map.of("target", target, "replaces", replaces, "original", callA));
            newCall.awaitSuccess(WAIT);
            alice.awaitSuccess(WAIT);
            bob.awaitSuccess(WAIT);
            dave.awaitSuccess(WAIT);
            carol.awaitSuccess(WAIT);

            var events = rig.events.awaitExactly(5, Duration.ofMillis(500));
            assertThat(UdpEventRecorder.summary(events)).containsExactly(
                    callA + "|caller|start|",
                    callA + "|caller|notify|100 Trying",
                    callB + "|callee|start|",
                    callB + "|callee|ok|200 OK",
                    callA + "|caller|ok|200 OK");
            String newCallId = events.get(2).path("transfer_callid").asText();
            assertThat(newCallId).isNotEmpty();
            assertThat(events.get(4).path("transfer_callid").asText()).isEqualTo(newCallId);
        }
    }

    @Test
    void secondCallNotThroughTheProxyIsNamedByItsTags() throws Exception {
        try (CallRig rig = new CallRig(Map.of(), "bob", "carol")) {
            Sipp bob = rig.callee("bob", "uas_call.xml", 1);
            Sipp carol = rig.callee("carol", "uas_call.xml", 1);
            CallRig.pause(300);
            Sipp alice = rig.caller(0, "xfer_transferee_uac.xml", "bob", Map.of());
            String callA = rig.awaitCallTo("bob");
            String destination = rig.uri("carol");
            JsonNode r = rig.mi("call_transfer", "{\"callid\":\"" + callA + "\",\"leg\":\"caller\","
                    + "\"transfer_callid\":\"elsewhere-77@10.1.1.1\",\"transfer_fromtag\":\"ft1\","
                    + "\"transfer_totag\":\"tt2\",\"transfer_destination\":\"" + destination + "\"}");
            assertThat(r.path("result").asText()).as(r.toString()).isEqualTo("Accepted");
            String referTo = alice.awaitLogLine("REFER-TO", WAIT);
            String replaces = URLDecoder.decode(referTo.substring(referTo.indexOf("?Replaces=") + 10), StandardCharsets.UTF_8);
            assertThat(replaces).isEqualTo("elsewhere-77@10.1.1.1;to-tag=tt2;from-tag=ft1");
            Sipp newCall = rig.caller(1, "xfer_newcall_replaces_uac.xml", null,
                    Map.of("target", destination, "replaces", replaces, "original", callA));
            newCall.awaitSuccess(WAIT);
            alice.awaitSuccess(WAIT);
            bob.awaitSuccess(WAIT);
            carol.awaitSuccess(WAIT);
            assertThat(UdpEventRecorder.summary(rig.events.awaitExactly(3, Duration.ofMillis(500)))).containsExactly(
                    callA + "|caller|start|",
                    callA + "|caller|notify|100 Trying",
                    callA + "|caller|ok|200 OK");
        }
    }

    @Test
    void unknownSecondCallIs404() throws Exception {
        try (CallRig rig = new CallRig(Map.of())) {
            JsonNode r = rig.mi("call_transfer", "{\"callid\":\"a\",\"leg\":\"caller\",\"transfer_callid\":\"nope\","
                    + "\"transfer_leg\":\"callee\"}");
            assertThat(r.path("error").path("code").asInt()).isEqualTo(404);
            assertThat(r.path("error").path("message").asText()).isEqualTo("Transfer dialog not found");
            JsonNode badLeg = rig.mi("call_transfer", "{\"callid\":\"a\",\"leg\":\"caller\",\"transfer_callid\":\"b\","
                    + "\"transfer_leg\":\"middle\"}");
            assertThat(badLeg.path("error").path("data").asText()).contains("transfer_leg");
        }
    }
}
