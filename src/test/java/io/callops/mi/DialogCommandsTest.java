package io.callops.mi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callops.testsupport.FreePorts;
import io.callops.testsupport.Sipp;
import io.callops.testsupport.SippAvailable;
import io.callops.testsupport.TestProxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code dlg_list}, {@code dlg_list_ctx} and {@code dlg_end_dlg} over HTTP, on a SIPp call through the proxy. */
@Tag("sipp")
@ExtendWith(SippAvailable.class)
class DialogCommandsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void listsTheCallThenEndsItWithByeToBothPhones() throws Exception {
        List<Integer> ports = FreePorts.udpAndTcp(2);
        try (TestProxy proxy = TestProxy.start(Map.of("routes", Map.of("bob", "sip:127.0.0.1:" + ports.get(0))));
             Sipp callee = Sipp.uas("sipp/uas_call.xml", ports.get(0)).calls(1).timeout(WAIT).start()) {
            try (Sipp caller = Sipp.uac("sipp/uac_wait_bye.xml", ports.get(1), proxy.address()).service("bob")
                    .calls(1).timeout(WAIT).start()) {
                MiClient mi = new MiClient(proxy.miPort());
                JsonNode dialog = awaitState(mi, 4);
                String callId = dialog.get("callid").asText();
                assertThat(dialog.get("from_uri").asText()).startsWith("sip:caller@");
                assertThat(dialog.get("caller_tag").asText()).contains("Caller");
                assertThat(dialog.get("caller_bind_addr").asText()).isEqualTo("udp:127.0.0.1:" + proxy.port());
                assertThat(dialog.get("caller_sdp").asText()).contains("m=audio");
                JsonNode callee0 = dialog.get("CALLEES").get(0);
                assertThat(callee0.get("callee_tag").asText()).contains("Callee");
                assertThat(callee0.get("callee_contact").asText()).startsWith("sip:callee@");
                assertThat(callee0.get("callee_sdp").asText()).contains("m=audio");

                JsonNode stats = mi.call("get_statistics", "{\"statistics\":[\"dialog:\"]}").get("result");
                assertThat(stats.get("dialog:active_dialogs").asLong()).isEqualTo(1);
                assertThat(stats.get("dialog:processed_dialogs").asLong()).isEqualTo(1);
                java.net.http.HttpResponse<String> metrics = java.net.http.HttpClient.newHttpClient().send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + proxy.miPort()
                                + "/metrics")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(metrics.body()).contains("callops_dialogs{state=\"4\"} 1.0")
                        .contains("callops_dialogs_tracked_total 1.0");

                JsonNode byCallId = mi.call("dlg_list", "{\"callid\":\"" + callId + "\"}").get("result");
                assertThat(byCallId.get("Dialogs")).hasSize(1);
                JsonNode wrongTag = mi.call("dlg_list", "{\"callid\":\"" + callId + "\",\"from_tag\":\"nope\"}");
                assertThat(wrongTag.get("result").get("Dialogs")).isEmpty();
                JsonNode page = mi.call("dlg_list", "{\"index\":0,\"counter\":10}").get("result");
                assertThat(page.get("count").asInt()).isEqualTo(1);
                JsonNode ctx = mi.call("dlg_list_ctx", "{\"callid\":\"" + callId + "\"}").get("result");
                assertThat(ctx.get("Dialogs").get(0).get("context").get("values").isObject()).isTrue();
                JsonNode negative = mi.call("dlg_list", "{\"index\":-1,\"counter\":10}");
                assertThat(negative.get("error").get("code").asInt()).isEqualTo(-32602);
                assertThat(negative.get("error").get("data").asText()).contains("index");

                JsonNode badHeaders = mi.call("dlg_end_dlg",
                        "{\"dialog_id\":\"" + dialog.get("ID").asText() + "\",\"extra_hdrs\":\"no colon here\"}");
                assertThat(badHeaders.get("error").get("code").asInt()).isEqualTo(-32602);

                JsonNode ended = mi.call("dlg_end_dlg", "{\"dialog_id\":\"" + dialog.get("ID").asText()
                        + "\",\"extra_hdrs\":\"Reason: Q.850;cause=16\\r\\n\"}");
                assertThat(ended.get("result").asText()).isEqualTo("OK");
                caller.awaitSuccess(WAIT);
                callee.awaitSuccess(WAIT);

                JsonNode again = mi.call("dlg_end_dlg", "{\"dialog_id\":\"" + callId + "\"}");
                assertThat(again.get("error").get("code").asInt()).isEqualTo(404);
                assertThat(again.get("error").get("message").asText()).isEqualTo("Requested Dialog not found");
                JsonNode after = mi.call("dlg_list", "{\"callid\":\"" + callId + "\"}").get("result");
                assertThat(after.get("Dialogs").get(0).get("state").asInt()).isEqualTo(5);
            }
        }
    }

    @Test
    void endingAnUnansweredCallCancelsIt() throws Exception {
        List<Integer> ports = FreePorts.udpAndTcp(2);
        try (TestProxy proxy = TestProxy.start(Map.of("routes", Map.of("bob", "sip:127.0.0.1:" + ports.get(0))));
             Sipp callee = Sipp.uas("sipp/uas_cancel.xml", ports.get(0)).calls(1).timeout(WAIT).start()) {
            try (Sipp caller = Sipp.uac("sipp/uac_cancelled_by_proxy.xml", ports.get(1), proxy.address()).service("bob")
                    .calls(1).timeout(WAIT).start()) {
                MiClient mi = new MiClient(proxy.miPort());
                JsonNode dialog = awaitState(mi, 2); // early: the callee rings
                JsonNode ended = mi.call("dlg_end_dlg", "{\"dialog_id\":\"" + dialog.get("callid").asText() + "\"}");
                assertThat(ended.get("result").asText()).isEqualTo("OK");
                caller.awaitSuccess(WAIT);   // 487 to the caller, from the callee's answer to our CANCEL
                callee.awaitSuccess(WAIT);
            }
        }
    }

    @Test
    void unknownDialogIs404() throws Exception {
        try (TestProxy proxy = TestProxy.start()) {
            MiClient mi = new MiClient(proxy.miPort());
            JsonNode r = mi.call("dlg_end_dlg", "{\"dialog_id\":\"12345\"}");
            assertThat(r.get("error").get("code").asInt()).isEqualTo(404);
            assertThat(mi.call("dialog:list", null).get("result").get("Dialogs")).isEmpty();
        }
    }

    private static JsonNode awaitState(MiClient mi, int state) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode list = mi.call("dlg_list", null).get("result").get("Dialogs");
            if (list.size() > 0 && list.get(0).get("state").asInt() == state) return list.get(0);
            Thread.sleep(50);
        }
        throw new AssertionError("no dialog in state " + state);
    }
}
