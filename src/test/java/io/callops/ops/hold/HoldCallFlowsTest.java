package io.callops.ops.hold;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callops.testsupport.Sipp;
import io.callops.testsupport.SippAvailable;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hold and unhold over the MI on calls between SIPp phones. The scenarios check every
 * re-INVITE of the proxy on the wire (directions per media line, {@code o=} versions, extra
 * headers); the test checks the MI answers, the E_CALL_HOLD events in order and the dialog
 * values.
 */
@Tag("sipp")
@ExtendWith(SippAvailable.class)
class HoldCallFlowsTest {
    private static final Duration WAIT = HoldRig.WAIT;
    private static final Duration QUIET = Duration.ofMillis(500);

    private static String params(String callId, String more) {
        return "{\"callid\":\"" + callId + "\"" + more + "}";
    }

    @Test
    void bothLegsHeldThenTakenOffHold() throws Exception {
        try (HoldRig rig = new HoldRig()) {
            Sipp[] phones = rig.call("hold_both_uac.xml", "hold_both_uas.xml");
            String callId = rig.awaitDialog(4);

            JsonNode notHeld = rig.mi.call("call_unhold", params(callId, ""));
            HoldRig.assertError(notHeld, 480, "No dialog legs on hold");

            JsonNode hold = rig.mi.call("call_hold", params(callId,
                    ",\"leg\":\"both\",\"headers\":[\"X-Hold: caller\\r\\n\",\"X-Hold: callee\\r\\n\"]"));
            assertThat(hold.path("result").asText()).isEqualTo("OK");
            // The caller answers after a second: the hold is still in flight.
            JsonNode busy = rig.mi.call("callops:hold", params(callId, ""));
            HoldRig.assertError(busy, 491, "Request Pending");

            assertThat(HoldRig.summary(callId, rig.events.await(4, WAIT))).containsExactly(
                    "caller hold start", "caller hold ok", "callee hold start", "callee hold ok");
            JsonNode twice = rig.mi.call("call_hold", params(callId, ",\"leg\":\"caller\""));
            HoldRig.assertError(twice, 480, "Both dialog legs are on hold");
            JsonNode values = rig.values(callId);
            assertThat(values.path("call_hold_caller").asLong()).isEqualTo(12);
            assertThat(values.path("call_hold_callee").asLong()).isEqualTo(12);
            assertThat(values.path("call_hold_caller_sdp").asText()).contains("o=callee 1 1 ");

            // Literal \r\n in the header text, as a shell would pass it.
            JsonNode unhold = rig.mi.call("callops:unhold", params(callId,
                    ",\"leg\":\"both\",\"headers\":\"X-Reason: resume\\\\r\\\\n\""));
            assertThat(unhold.path("result").asText()).isEqualTo("OK");
            assertThat(HoldRig.summary(callId, rig.events.awaitExactly(8, QUIET)).subList(4, 8)).containsExactly(
                    "callee unhold start", "callee unhold ok", "caller unhold start", "caller unhold ok");
            values = rig.values(callId);
            assertThat(values.path("call_hold_caller").asLong()).isZero();
            assertThat(values.path("call_hold_callee").asLong()).isZero();
            assertThat(values.has("call_hold_caller_sdp")).isFalse();
            assertThat(values.has(HoldValues.IN_FLIGHT)).isFalse();

            phones[0].awaitSuccess(WAIT);
            phones[1].awaitSuccess(WAIT);
            JsonNode gone = rig.mi.call("call_hold", params(callId, ""));
            HoldRig.assertError(gone, 404, "Dialog not found");
        }
    }

    @Test
    void callerLegHeldThenThePhonesOwnReinvitesKeepVersionsRising() throws Exception {
        try (HoldRig rig = new HoldRig()) {
            Sipp[] phones = rig.call("hold_caller_leg_uac.xml", "hold_caller_leg_uas.xml");
            String callId = rig.awaitDialog(4);

            assertThat(rig.mi.call("call_hold", params(callId, ",\"leg\":\"caller\"")).path("result").asText())
                    .isEqualTo("OK");
            assertThat(HoldRig.summary(callId, rig.events.await(4, WAIT))).containsExactly(
                    "caller hold start", "caller hold ok", "callee hold start", "callee hold ok");
            JsonNode values = rig.values(callId);
            assertThat(values.path("call_hold_caller").asLong()).isEqualTo(HoldFlags.RECV_OFF);
            assertThat(values.path("call_hold_callee").asLong()).isEqualTo(HoldFlags.SEND_OFF);

            // The phones' own re-INVITEs and the ACK with SDP are checked by the scenarios.
            phones[0].awaitSuccess(WAIT);
            phones[1].awaitSuccess(WAIT);
            rig.events.awaitExactly(4, QUIET);
        }
    }

    @Test
    void calleeRefusingTheHoldTakesTheCallerOffHoldAgain() throws Exception {
        try (HoldRig rig = new HoldRig()) {
            Sipp[] phones = rig.call("hold_rollback_uac.xml", "hold_reject_uas.xml");
            String ringing = rig.awaitDialog(2);
            JsonNode early = rig.mi.call("call_hold", params(ringing, ""));
            HoldRig.assertError(early, 410, "Dialog not ready");
            String callId = rig.awaitDialog(4);

            assertThat(rig.mi.call("call_hold", params(callId, "")).path("result").asText()).isEqualTo("OK");
            assertThat(HoldRig.summary(callId, rig.events.await(6, WAIT))).containsExactly(
                    "caller hold start", "caller hold ok", "callee hold start", "callee hold fail",
                    "caller unhold start", "caller unhold ok");
            JsonNode values = rig.values(callId);
            assertThat(values.path("call_hold_caller").asLong()).isZero();
            assertThat(values.path("call_hold_callee").asLong()).isZero();
            assertThat(values.has("call_hold_caller_sdp")).isFalse();
            assertThat(values.has(HoldValues.IN_FLIGHT)).isFalse();
            HoldRig.assertError(rig.mi.call("call_unhold", params(callId, "")), 480, "No dialog legs on hold");

            phones[0].awaitSuccess(WAIT);
            phones[1].awaitSuccess(WAIT);
            rig.events.awaitExactly(6, QUIET);
        }
    }
}
