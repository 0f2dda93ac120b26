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
    private static final Duration QUIET = Duration.ofMillis(500);

    private static JsonNode transfer(CallRig rig, String callId, String leg, String destination) throws Exception {
        return rig.mi("call_transfer", "{\"callid\":\"" + callId + "\",\"leg\":\"" + leg + "\",\"destination\":\""
                + destination + "\"}");
    }

    @Test
    void callerTransferredInParamModeThenTheTokenCannotBeReplayed() throws Exception {
        try (CallRig rig = new CallRig(Map.of("callops.mode", "param"), "bob", "carol")) {
            Sipp bob = rig.callee("bob", "uas_call.xml", 1);
            Sipp carol = rig.callee("carol", "xfer_target_uas.xml", 2);
            CallRig.pause(300);
            Sipp alice = rig.caller(0, "xfer_transferee_uac.xml", "bob", Map.of());
            String callA = rig.awaitCallTo("bob");
            // A call that completes no transfer keeps no transfer value (values are persisted with the dialog).
            assertThat(rig.mi("dlg_list_ctx", "{}").toString()).contains(callA).doesNotContain("call_transfer");

            String destination = rig.uri("carol");
            assertThat(transfer(rig, callA, "caller", destination).path("result").asText()).isEqualTo("Accepted");
            String referTo = alice.awaitLogLine("REFER-TO", WAIT);
            assertThat(referTo).startsWith(destination + ";osid=");
            Sipp newCall = rig.caller(1, "xfer_newcall_uac.xml", null, Map.of("target", referTo, "original", callA));
            newCall.awaitSuccess(WAIT);
            alice.awaitSuccess(WAIT);   // got the proxy's BYE: the old call was ended after ok
            bob.awaitSuccess(WAIT);

            List<JsonNode> events = rig.events.awaitExactly(3, QUIET);
            assertThat(UdpEventRecorder.summary(events)).containsExactly(
                    callA + "|caller|start|",
                    callA + "|caller|notify|100 Trying",
                    callA + "|caller|ok|200 OK");
            assertThat(events.get(0).path("transfer_callid").asText()).isEmpty();
            assertThat(events.get(0).path("destination").asText()).isEqualTo(destination);
            String newCallId = events.get(2).path("transfer_callid").asText();
            assertThat(newCallId).isNotEmpty().isNotEqualTo(callA);
            assertThat(events.get(2).path("destination").asText()).isEqualTo(destination);

            // The same Refer-To again: the transfer is over, so the call is relayed, unlinked and without our parameter.
            Sipp replay = rig.caller(2, "xfer_newcall_uac.xml", null, Map.of("target", referTo, "original", callA));
            replay.awaitSuccess(WAIT);
            carol.awaitSuccess(WAIT);
            rig.events.awaitExactly(3, QUIET);
            // Once the links are settled, no call keeps a lookup mark or an answer waiting for a link.
            String ctx = rig.mi("dlg_list_ctx", "{}").toString();
            assertThat(ctx).contains(newCallId).doesNotContain("call_transfer_lookup").doesNotContain("call_transfer_answer");
        }
    }

    @Test
    void calleeTransferredInCallidMode() throws Exception {
        try (CallRig rig = new CallRig(Map.of("callops.mode", "callid"), "bob", "carol")) {
            Sipp bob = rig.callee("bob", "xfer_transferee_uas.xml", 1);
            Sipp carol = rig.callee("carol", "xfer_target_uas.xml", 1);
            CallRig.pause(300);
            Sipp alice = rig.caller(0, "uac_wait_bye.xml", "bob", Map.of());
            String callA = rig.awaitCallTo("bob");

            String destination = rig.uri("carol");
            assertThat(transfer(rig, callA, "callee", destination).path("result").asText()).isEqualTo("Accepted");
            String referTo = bob.awaitLogLine("REFER-TO", WAIT);
            // The Call-ID travels escaped: '@' is not allowed in a URI parameter.
            assertThat(referTo).isEqualTo(destination + ";osid=" + callA.replace("@", "%40"));
            Sipp newCall = rig.caller(1, "xfer_newcall_uac.xml", null, Map.of("target", referTo, "original", callA));
            newCall.awaitSuccess(WAIT);
            bob.awaitSuccess(WAIT);
            alice.awaitSuccess(WAIT);
            carol.awaitSuccess(WAIT);
            assertThat(UdpEventRecorder.summary(rig.events.awaitExactly(3, QUIET))).containsExactly(
                    callA + "|callee|start|",
                    callA + "|callee|notify|100 Trying",
                    callA + "|callee|ok|200 OK");
        }
    }

    @Test
    void callerTransferredInManualModeLinkedByRoutingCode() throws Exception {
        try (CallRig rig = new CallRig(Map.of("callops.mode", "manual", "router.class",
                ManualLinkRouter.class.getName()), "bob", "carol")) {
            Sipp bob = rig.callee("bob", "uas_call.xml", 1);
            Sipp carol = rig.callee("carol", "xfer_target_uas.xml", 1);
            CallRig.pause(300);
            Sipp alice = rig.caller(0, "xfer_transferee_uac.xml", "bob", Map.of());
            String callA = rig.awaitCallTo("bob");

            String destination = rig.uri("carol");
            assertThat(transfer(rig, callA, "caller", destination).path("result").asText()).isEqualTo("Accepted");
            String referTo = alice.awaitLogLine("REFER-TO", WAIT);
            assertThat(referTo).isEqualTo(destination); // nothing added in manual mode
            Sipp newCall = rig.caller(1, "xfer_newcall_uac.xml", null, Map.of("target", referTo, "original", callA));
            newCall.awaitSuccess(WAIT);
            alice.awaitSuccess(WAIT);
            bob.awaitSuccess(WAIT);
            carol.awaitSuccess(WAIT);
            assertThat(UdpEventRecorder.summary(rig.events.awaitExactly(3, QUIET))).containsExactly(
                    callA + "|caller|start|",
                    callA + "|caller|notify|100 Trying",
                    callA + "|caller|ok|200 OK");
        }
    }

    /** The combinations of mode and leg not covered by the tests above, same flow and events. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{1} in {0} mode")
    @org.junit.jupiter.params.provider.CsvSource({"callid, caller", "param, callee", "manual, callee"})
    void eachModeTransfersEitherLeg(String mode, String leg) throws Exception {
        Map<String, Object> config = mode.equals("manual")
                ? Map.of("callops.mode", mode, "router.class", ManualLinkRouter.class.getName())
                : Map.of("callops.mode", mode);
        boolean caller = leg.equals("caller");
        try (CallRig rig = new CallRig(config, "bob", "carol")) {
            Sipp bob = rig.callee("bob", caller ? "uas_call.xml" : "xfer_transferee_uas.xml", 1);
            Sipp carol = rig.callee("carol", "xfer_target_uas.xml", 1);
            CallRig.pause(300);
            Sipp alice = rig.caller(0, caller ? "xfer_transferee_uac.xml" : "uac_wait_bye.xml", "bob", Map.of());
            String callA = rig.awaitCallTo("bob");
            String destination = rig.uri("carol");
            assertThat(transfer(rig, callA, leg, destination).path("result").asText()).isEqualTo("Accepted");
            String referTo = (caller ? alice : bob).awaitLogLine("REFER-TO", WAIT);
            switch (mode) {
                case "param" -> assertThat(referTo).matches(java.util.regex.Pattern.quote(destination)
                        + ";osid=[0-9a-f]+\\.[0-9a-f]{20}");
                case "callid" -> assertThat(referTo).isEqualTo(destination + ";osid=" + callA.replace("@", "%40"));
                default -> assertThat(referTo).isEqualTo(destination);
            }
            Sipp newCall = rig.caller(1, "xfer_newcall_uac.xml", null, Map.of("target", referTo, "original", callA));
            newCall.awaitSuccess(WAIT);
            alice.awaitSuccess(WAIT);
            bob.awaitSuccess(WAIT);
            carol.awaitSuccess(WAIT);
            assertThat(UdpEventRecorder.summary(rig.events.awaitExactly(3, QUIET))).containsExactly(
                    callA + "|" + leg + "|start|",
                    callA + "|" + leg + "|notify|100 Trying",
                    callA + "|" + leg + "|ok|200 OK");
        }
    }

    @Test
    void busyTargetFailsAndTheOldCallStaysUp() throws Exception {
        try (CallRig rig = new CallRig(Map.of(), "bob", "carol")) {
            Sipp bob = rig.callee("bob", "uas_call.xml", 1);
            Sipp carol = rig.callee("carol", "uas_busy.xml", 1);
            CallRig.pause(300);
            Sipp alice = rig.caller(0, "xfer_transferee_fail_uac.xml", "bob", Map.of());
            String callA = rig.awaitCallTo("bob");

            assertThat(transfer(rig, callA, "caller", rig.uri("carol")).path("result").asText()).isEqualTo("Accepted");
            String referTo = alice.awaitLogLine("REFER-TO", WAIT);
            Sipp newCall = rig.caller(1, "xfer_newcall_busy_uac.xml", null, Map.of("target", referTo, "original", callA));
            newCall.awaitSuccess(WAIT);
            carol.awaitSuccess(WAIT);
            // The transferee reports the failure, then hangs up the old call itself: it still works.
            alice.awaitSuccess(WAIT);
            bob.awaitSuccess(WAIT);
            assertThat(UdpEventRecorder.summary(rig.events.awaitExactly(4, QUIET))).containsExactly(
                    callA + "|caller|start|",
                    callA + "|caller|notify|100 Trying",
                    callA + "|caller|fail|486 Busy Here",
                    callA + "||notify|486 Busy Here");
        }
    }

    @Test
    void referRejectedFailsAndOnlyOneTransferRunsAtATime() throws Exception {
        try (CallRig rig = new CallRig(Map.of(), "bob")) {
            Sipp bob = rig.callee("bob", "uas_call.xml", 1);
            CallRig.pause(300);
            Sipp alice = rig.caller(0, "xfer_refuser_uac.xml", "bob", Map.of());
            String callA = rig.awaitCallTo("bob");
            String destination = rig.uri("carol");

            assertThat(transfer(rig, callA, "caller", destination).path("result").asText()).isEqualTo("Accepted");
            JsonNode second = transfer(rig, callA, "callee", destination);
            assertThat(second.path("error").path("code").asInt()).isEqualTo(491);
            assertThat(second.path("error").path("message").asText()).isEqualTo("Request Pending");
            rig.events.await(2, WAIT);
            // Once the first ended, a new transfer is accepted (the reference answers 491 forever).
            assertThat(transfer(rig, callA, "caller", destination).path("result").asText()).isEqualTo("Accepted");
            alice.awaitSuccess(WAIT);
            bob.awaitSuccess(WAIT);
            assertThat(UdpEventRecorder.summary(rig.events.awaitExactly(4, QUIET))).containsExactly(
                    callA + "|caller|start|",
                    callA + "|caller|fail|603 Decline",
                    callA + "|caller|start|",
                    callA + "|caller|fail|603 Decline");
        }
    }

    @Test
    void referNeverAnsweredFailsWith408() throws Exception {
        // Short transaction timers so the REFER times out (64*T1) within the test; TCP towards
        // the caller so SIPp sees no retransmissions of the REFER it ignores.
        try (CallRig rig = new CallRig(Map.of("sip.t1_ms", 50), "bob")) {
            Sipp bob = rig.callee("bob", "uas_call.xml", 1);
            CallRig.pause(300);
            Sipp alice = rig.callerOver(0, "xfer_ignorer_uac.xml", "bob", Sipp.Transport.TCP);
            String callA = rig.awaitCallTo("bob");
            assertThat(transfer(rig, callA, "caller", rig.uri("carol")).path("result").asText()).isEqualTo("Accepted");
            assertThat(UdpEventRecorder.summary(rig.events.await(2, WAIT))).containsExactly(
                    callA + "|caller|start|",
                    callA + "|caller|fail|408 Request Timeout");
            alice.awaitSuccess(WAIT);
            bob.awaitSuccess(WAIT);
        }
    }

    @Test
    void forgedTokenIsNotLinkedButTheCallGoesThroughWithoutIt() throws Exception {
        try (CallRig rig = new CallRig(Map.of(), "carol")) {
            Sipp carol = rig.callee("carol", "xfer_target_uas.xml", 1);
            CallRig.pause(300);
            String forged = rig.uri("carol") + ";osid=5f3a.0123456789abcdef0123";
            Sipp call = rig.caller(0, "xfer_newcall_uac.xml", null, Map.of("target", forged, "original", "none"));
            call.awaitSuccess(WAIT);
            carol.awaitSuccess(WAIT);
            rig.events.awaitExactly(0, QUIET);
            assertThat(rig.proxy.server().transferStats().forgedLinks.sum()).isEqualTo(1);
        }
    }

    @Test
    void transfereeHangingUpAtOnceStillGetsExactlyOneOutcome() throws Exception {
        try (CallRig rig = new CallRig(Map.of(), "bob", "carol")) {
            Sipp bob = rig.callee("bob", "uas_call.xml", 1);
            Sipp carol = rig.callee("carol", "xfer_target_uas.xml", 1);
            CallRig.pause(300);
            Sipp alice = rig.caller(0, "xfer_transferee_hangup_uac.xml", "bob", Map.of());
            String callA = rig.awaitCallTo("bob");
            assertThat(transfer(rig, callA, "caller", rig.uri("carol")).path("result").asText()).isEqualTo("Accepted");
            String referTo = alice.awaitLogLine("REFER-TO", WAIT);
            alice.awaitSuccess(WAIT); // the old call is gone before the new one is answered
            bob.awaitSuccess(WAIT);
            Sipp newCall = rig.caller(1, "xfer_newcall_uac.xml", null, Map.of("target", referTo, "original", callA));
            newCall.awaitSuccess(WAIT);
            carol.awaitSuccess(WAIT);
            assertThat(UdpEventRecorder.summary(rig.events.awaitExactly(3, QUIET))).containsExactly(
                    callA + "|caller|start|",
                    callA + "|caller|notify|100 Trying",
                    callA + "|caller|ok|200 OK");
        }
    }

    @Test
    void transferNobodyCompletesFailsOnItsTimeout() throws Exception {
        try (CallRig rig = new CallRig(Map.of("callops.transfer_timeout_s", 2), "bob")) {
            Sipp bob = rig.callee("bob", "uas_call.xml", 1);
            CallRig.pause(300);
            Sipp alice = rig.caller(0, "xfer_accept_idle_uac.xml", "bob", Map.of());
            String callA = rig.awaitCallTo("bob");
            assertThat(transfer(rig, callA, "caller", rig.uri("carol")).path("result").asText()).isEqualTo("Accepted");
            assertThat(UdpEventRecorder.summary(rig.events.await(2, WAIT))).containsExactly(
                    callA + "|caller|start|",
                    callA + "|caller|fail|408 Request Timeout");
            alice.awaitSuccess(WAIT);   // the old call is still there: the caller ends it
            bob.awaitSuccess(WAIT);
        }
    }

    @Test
    void transfereeHoldingTheOldCallDuringTheTransferDoesNotDisturbIt() throws Exception {
        try (CallRig rig = new CallRig(Map.of(), "bob", "carol")) {
            Sipp bob = rig.callee("bob", "uas_held_call.xml", 1);
            Sipp carol = rig.callee("carol", "xfer_target_uas.xml", 1);
            CallRig.pause(300);
            Sipp alice = rig.caller(0, "xfer_transferee_holds_uac.xml", "bob", Map.of());
            String callA = rig.awaitCallTo("bob");
            assertThat(transfer(rig, callA, "caller", rig.uri("carol")).path("result").asText()).isEqualTo("Accepted");
            String referTo = alice.awaitLogLine("REFER-TO", WAIT);
            rig.events.await(2, WAIT); // start, and the NOTIFY sent after the hold
            Sipp newCall = rig.caller(1, "xfer_newcall_uac.xml", null, Map.of("target", referTo, "original", callA));
            newCall.awaitSuccess(WAIT);
            alice.awaitSuccess(WAIT);
            bob.awaitSuccess(WAIT);
            carol.awaitSuccess(WAIT);
            assertThat(UdpEventRecorder.summary(rig.events.awaitExactly(3, QUIET))).containsExactly(
                    callA + "|caller|start|",
                    callA + "|caller|notify|100 Trying",
                    callA + "|caller|ok|200 OK");
        }
    }

    @Test
    void badParametersAreNamed() throws Exception {
        try (CallRig rig = new CallRig(Map.of())) {
            JsonNode badLeg = transfer(rig, "x", "both", "sip:a@b");
            assertThat(badLeg.path("error").path("code").asInt()).isEqualTo(-32602);
            assertThat(badLeg.path("error").path("data").asText()).contains("leg");
            JsonNode badDest = transfer(rig, "x", "caller", "mailto:a@b");
            assertThat(badDest.path("error").path("code").asInt()).isEqualTo(-32602);
            assertThat(badDest.path("error").path("data").asText()).contains("destination");
            JsonNode unknown = transfer(rig, "no-such-call", "caller", "sip:a@b");
            assertThat(unknown.path("error").path("code").asInt()).isEqualTo(404);
            assertThat(unknown.path("error").path("message").asText()).isEqualTo("Dialog not found");
        }
    }
}
