package io.callops.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callops.testsupport.Sipp;
import io.callops.testsupport.SippAvailable;
import io.callops.testsupport.UdpEventRecorder;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The routing API's dialog and call-operation functions, used by a router class: dialog
 * values and lifetime set on a new call, and a transfer started by routing code when an
 * INFO asks for it.
 */
@Tag("sipp")
@ExtendWith(SippAvailable.class)
class RoutingFunctionsTest {

    @Test
    void routingCodeSetsDialogValuesAndTransfersTheCaller() throws Exception {
        try (CallRig rig = new CallRig(Map.of("router.class", ScriptedRouter.class.getName()), "bob", "carol")) {
            Sipp bob = rig.callee("bob", "uas_call.xml", 1);
            Sipp carol = rig.callee("carol", "xfer_target_uas.xml", 1);
            CallRig.pause(300);
            Sipp alice = rig.caller(0, "xfer_transferee_uac.xml", "bob", Map.of());
            String callA = rig.awaitCallTo("bob");

            JsonNode d = rig.mi("dlg_list_ctx", "{\"callid\":\"" + callA + "\"}").path("result").path("Dialogs").get(0);
            assertThat(d.path("context").path("values").path("customer").asText()).isEqualTo("gold");
            assertThat(d.path("context").path("values").path("priority").asLong()).isEqualTo(7);
            assertThat(d.path("timeout").asLong() - d.path("timestart").asLong()).isBetween(598L, 601L);

            // An INFO from bob's side asks the routing code to transfer alice to carol.
            String answer = sendInfo(rig, d, rig.uri("carol"));
            assertThat(answer).startsWith("SIP/2.0 200 ");
            String referTo = alice.awaitLogLine("REFER-TO", CallRig.WAIT);
            Sipp newCall = rig.caller(1, "xfer_newcall_uac.xml", null, Map.of("target", referTo, "original", callA));
            newCall.awaitSuccess(CallRig.WAIT);
            alice.awaitSuccess(CallRig.WAIT);
            bob.awaitSuccess(CallRig.WAIT);
            carol.awaitSuccess(CallRig.WAIT);
            assertThat(UdpEventRecorder.summary(rig.events.awaitExactly(3, java.time.Duration.ofMillis(500))))
                    .containsExactly(callA + "|caller|start|", callA + "|caller|notify|100 Trying",
                            callA + "|caller|ok|200 OK");
        }
    }

    /** An INFO inside the call as if bob sent it, through the proxy (its Record-Route). */
    private static String sendInfo(CallRig rig, JsonNode dialog, String transferTo) throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(5000);
            String callee = dialog.path("CALLEES").get(0).path("callee_tag").asText();
            String info = "INFO " + dialog.path("caller_contact").asText() + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + s.getLocalPort() + ";branch=z9hG4bKinfo1;rport\r\n"
                    + "Route: <sip:" + rig.proxy.address() + ";lr>\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "From: <" + dialog.path("to_uri").asText() + ">;tag=" + callee + "\r\n"
                    + "To: <" + dialog.path("from_uri").asText() + ">;tag=" + dialog.path("caller_tag").asText() + "\r\n"
                    + "Call-ID: " + dialog.path("callid").asText() + "\r\n"
                    + "CSeq: 20 INFO\r\n"
                    + "X-Transfer-To: " + transferTo + "\r\n"
                    + "Content-Length: 0\r\n\r\n";
            byte[] b = info.getBytes(StandardCharsets.US_ASCII);
            s.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), rig.proxy.port()));
            DatagramPacket in = new DatagramPacket(new byte[4096], 4096);
            s.receive(in);
            return new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8);
        }
    }
}
