package io.callops.ops.hold;

import com.fasterxml.jackson.databind.JsonNode;
import io.callops.mi.MiClient;
import io.callops.testsupport.FreePorts;
import io.callops.testsupport.Sipp;
import io.callops.testsupport.TestProxy;
import io.callops.testsupport.UdpEventRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A proxy routing {@code bob} to a SIPp callee, a SIPp caller calling bob through it, the MI,
 * and an outside application subscribed to E_CALL_HOLD over UDP. Everything stops on close.
 */
final class HoldRig implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(30);

    final TestProxy proxy;
    final MiClient mi;
    final UdpEventRecorder events;
    private final List<Integer> ports = FreePorts.udpAndTcp(2);
    private final List<Sipp> phones = new ArrayList<>();

    HoldRig() {
        proxy = TestProxy.start(Map.of("routes", Map.of("bob", "sip:127.0.0.1:" + ports.get(0))));
        mi = new MiClient(proxy.miPort());
        events = UdpEventRecorder.subscribe(proxy.miPort(), "E_CALL_HOLD");
    }

    /** Starts the callee, then the caller once the callee listens. */
    Sipp[] call(String callerScenario, String calleeScenario) throws InterruptedException {
        Sipp callee = Sipp.uas("sipp/" + calleeScenario, ports.get(0)).calls(1).timeout(WAIT).start();
        phones.add(callee);
        Sipp caller = Sipp.uac("sipp/" + callerScenario, ports.get(1), proxy.address()).service("bob").calls(1)
                .timeout(WAIT).start();
        phones.add(caller);
        return new Sipp[] {caller, callee};
    }

    /** Waits until the proxy's dialog is in {@code state} (dlg_list) and returns its Call-ID. */
    String awaitDialog(int state) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode d : mi.call("dlg_list", null).path("result").path("Dialogs")) {
                if (d.path("state").asInt() == state) return d.path("callid").asText();
            }
            Thread.sleep(30);
        }
        throw new AssertionError("no dialog in state " + state);
    }

    /** The dialog's named values, as {@code dlg_list_ctx} shows them. */
    JsonNode values(String callId) throws Exception {
        return mi.call("dlg_list_ctx", "{\"callid\":\"" + callId + "\"}").path("result").path("Dialogs").path(0)
                .path("context").path("values");
    }

    /** {@code leg action state} of each event, after checking each is about {@code callId}. */
    static List<String> summary(String callId, List<JsonNode> events) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : events) {
            if (!callId.equals(e.path("callid").asText())) throw new AssertionError("event of another call: " + e);
            out.add(e.path("leg").asText() + " " + e.path("action").asText() + " " + e.path("state").asText());
        }
        return out;
    }

    /** Checks that an MI answer is the error {@code code} with {@code message}. */
    static void assertError(JsonNode answer, int code, String message) {
        JsonNode e = answer.path("error");
        if (e.path("code").asInt() != code || !message.equals(e.path("message").asText())) {
            throw new AssertionError("expected error " + code + " " + message + ", got " + answer);
        }
    }

    @Override
    public void close() {
        phones.forEach(Sipp::close);
        events.close();
        proxy.close();
    }
}
