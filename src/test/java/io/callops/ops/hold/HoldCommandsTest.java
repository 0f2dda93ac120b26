package io.callops.ops.hold;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callops.dialog.store.DialogRecord;
import io.callops.dialog.store.DialogRecord.LegRecord;
import io.callops.mi.MiClient;
import io.callops.testsupport.TestProxy;
import io.callops.testsupport.UdpEventRecorder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The MI answers of {@code call_hold}/{@code call_unhold} that need no phone, and the restart
 * rule: dialogs are taken back from the store as a restarted proxy does.
 */
class HoldCommandsTest {
    private static final String SDP = "v=0\r\no=x 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 4000 RTP/AVP 0\r\n";

    private static JsonNode error(MiClient mi, String method, String params) throws Exception {
        return mi.call(method, params).path("error");
    }

    @Test
    void parameterAndLookupErrorsComeInTheReferencesOrder() throws Exception {
        try (TestProxy proxy = TestProxy.start()) {
            MiClient mi = new MiClient(proxy.miPort());

            JsonNode badLeg = error(mi, "call_hold", "{\"callid\":\"nope\",\"leg\":\"bold\"}");
            assertThat(badLeg.path("code").asInt()).isEqualTo(420);
            assertThat(badLeg.path("message").asText()).isEqualTo("Bad leg");
            JsonNode unknown = error(mi, "callops:unhold", "[\"nope\",\"callee\"]");
            assertThat(unknown.path("code").asInt()).isEqualTo(404);
            assertThat(unknown.path("message").asText()).isEqualTo("Dialog not found");
            JsonNode headers = error(mi, "call_hold", "{\"callid\":\"nope\",\"leg\":\"both\",\"headers\":\"oops\"}");
            assertThat(headers.path("code").asInt()).isEqualTo(-32602);
            assertThat(headers.path("data").asText()).contains("'headers'");
            JsonNode withoutLeg = error(mi, "call_hold", "{\"callid\":\"nope\",\"headers\":\"X-A: 1\"}");
            assertThat(withoutLeg.path("code").asInt()).isEqualTo(-32602);
        }
    }

    @Test
    void aLegWithoutSdpCannotBeHeld() throws Exception {
        try (TestProxy proxy = TestProxy.start()) {
            recover(proxy, record("no-sdp", Map.of(), null));
            JsonNode e = error(new MiClient(proxy.miPort()), "call_hold", "{\"callid\":\"no-sdp\"}");
            assertThat(e.path("code").asInt()).isEqualTo(-32000);
            assertThat(e.path("message").asText()).isEqualTo("Server error");
            assertThat(e.path("data").asText()).startsWith("No usable SDP for the caller");
        }
    }

    @Test
    void anUnholdInFlightAtTheRestartEndsWithFail() throws Exception {
        try (TestProxy proxy = TestProxy.start();
             UdpEventRecorder events = UdpEventRecorder.subscribe(proxy.miPort(), "E_CALL_HOLD")) {
            // Flags are written on 2xx only: both legs are still held.
            recover(proxy, record("restarted", Map.of(HoldValues.IN_FLIGHT, "unhold caller", "call_hold_caller", 12L,
                    "call_hold_callee", 12L, "call_hold_caller_sdp", SDP, "call_hold_callee_sdp", SDP), SDP));

            List<JsonNode> got = events.awaitExactly(1, Duration.ofMillis(300));
            assertThat(HoldRig.summary("restarted", got)).containsExactly("caller unhold fail");
            MiClient mi = new MiClient(proxy.miPort());
            JsonNode values = mi.call("dlg_list_ctx", "{\"callid\":\"restarted\"}").path("result").path("Dialogs")
                    .path(0).path("context").path("values");
            assertThat(values.has(HoldValues.IN_FLIGHT)).isFalse();
            assertThat(values.path("call_hold_caller_sdp").asText()).isEqualTo(SDP); // still held: unhold needs it
            // No operation is in flight any more (491 otherwise): the call answers as a held call does.
            JsonNode again = error(mi, "call_hold", "{\"callid\":\"restarted\"}");
            assertThat(again.path("code").asInt()).isEqualTo(480);
        }
    }

    private static DialogRecord record(String callId, Map<String, Object> values, String sdp) {
        long now = System.currentTimeMillis();
        LegRecord caller = new LegRecord("<sip:a@127.0.0.1>;tag=a", "a", "sip:a@127.0.0.1:1", List.of(), null, 1, 0,
                0, 0, sdp, sdp);
        LegRecord callee = new LegRecord("<sip:b@127.0.0.1>;tag=b", "b", "sip:b@127.0.0.1:1", List.of(), null, 1, 0,
                0, 0, sdp, sdp);
        return new DialogRecord(Math.abs(callId.hashCode()) + 1L, callId, 4, now, now + 60_000, 60, false, caller,
                callee, values, 1);
    }

    private static void recover(TestProxy proxy, DialogRecord r) throws Exception {
        proxy.server().dialogs().onCall(r.callId(), layer -> {
            layer.recover(r);
            return null;
        }).get(5, TimeUnit.SECONDS);
    }
}
