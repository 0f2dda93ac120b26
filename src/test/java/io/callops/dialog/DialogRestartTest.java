package io.callops.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callops.testsupport.FreePorts;
import io.callops.testsupport.MiHttp;
import io.callops.testsupport.ProxyProcess;
import io.callops.testsupport.Sipp;
import io.callops.testsupport.SippAvailable;
import io.callops.testsupport.UdpEventRecorder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls survive {@code kill -9}: the proxy runs in its own JVM with the SQLite store, is
 * killed with SIGKILL while a call is up, and started again on the same ports and file.
 */
@Tag("sipp")
@ExtendWith(SippAvailable.class)
class DialogRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(40);

    @TempDir
    Path dir;

    private List<String> args(int sipPort, int miPort, int bobPort) {
        return List.of("--listen", "udp:127.0.0.1:" + sipPort, "--mi-listen", "127.0.0.1:" + miPort,
                "--route", "bob=sip:127.0.0.1:" + bobPort, "--store-path", dir.resolve("data/dialogs.db").toString(),
                "--store-flush-delay-ms", "100");
    }

    @Test
    void aCallKeepsItsRoutingAndCseqNumbersAcrossAKill() throws Exception {
        List<Integer> ports = FreePorts.udpAndTcp(4);
        int sip = ports.get(0);
        int mi = ports.get(1);
        List<String> args = args(sip, mi, ports.get(2));
        ProxyProcess first = ProxyProcess.start(dir.resolve("first.log"), args);
        try (Sipp bob = Sipp.uas("sipp/dlg_uas_restart.xml", ports.get(2)).calls(1).timeout(WAIT).start()) {
            try (Sipp alice = Sipp.uac("sipp/dlg_uac_restart.xml", ports.get(3), "127.0.0.1:" + sip).service("bob")
                    .calls(1).timeout(WAIT).start()) {
                String callId = MiHttp.awaitConfirmedCall(mi, Duration.ofSeconds(15));
                // A transfer of the callee: the REFER takes the callee's CSeq to 2 (stored).
                JsonNode r = MiHttp.call(mi, "call_transfer", "{\"callid\":\"" + callId
                        + "\",\"leg\":\"callee\",\"destination\":\"sip:carol@127.0.0.1\"}");
                assertThat(r.path("result").asText()).as(r.toString()).isEqualTo("Accepted");
                awaitValue(mi, callId, "call_transfer_state", "refer");
                Thread.sleep(400); // past the store's flush delay
                first.kill();

                try (ProxyProcess second = ProxyProcess.start(dir.resolve("second.log"), args)) {
                    assertThat(second.output()).contains("recovered 1 dialogs");
                    JsonNode d = MiHttp.call(mi, "dlg_list", "{\"callid\":\"" + callId + "\"}").path("result").path("Dialogs").get(0);
                    assertThat(d.path("state").asInt()).isEqualTo(4);
                    // The transfer in flight at the kill ended with fail on recovery; no value is left.
                    JsonNode ctx = MiHttp.call(mi, "dlg_list_ctx", "{\"callid\":\"" + callId + "\"}")
                            .path("result").path("Dialogs").get(0).path("context").path("values");
                    assertThat(ctx.has("call_transfer_state")).isFalse();
                    // The caller's re-INVITE (2) and BYE (3) reach the callee as 3 and 4: checked by the scenario.
                    alice.awaitSuccess(WAIT);
                    bob.awaitSuccess(WAIT);
                }
            }
        } finally {
            first.close();
        }
    }

    @Test
    void aRecoveredCallCanBeEndedFromTheMi() throws Exception {
        List<Integer> ports = FreePorts.udpAndTcp(4);
        int sip = ports.get(0);
        int mi = ports.get(1);
        List<String> args = args(sip, mi, ports.get(2));
        ProxyProcess first = ProxyProcess.start(dir.resolve("first.log"), args);
        try (Sipp bob = Sipp.uas("sipp/uas_call.xml", ports.get(2)).calls(1).timeout(WAIT).start()) {
            try (Sipp alice = Sipp.uac("sipp/uac_wait_bye.xml", ports.get(3), "127.0.0.1:" + sip).service("bob")
                    .calls(1).timeout(WAIT).start()) {
                String callId = MiHttp.awaitConfirmedCall(mi, Duration.ofSeconds(15));
                Thread.sleep(400);
                first.kill();
                try (ProxyProcess second = ProxyProcess.start(dir.resolve("second.log"), args);
                     UdpEventRecorder events = UdpEventRecorder.subscribe(mi, "E_DLG_STATE_CHANGED")) {
                    JsonNode r = MiHttp.call(mi, "dlg_end_dlg", "{\"dialog_id\":\"" + callId + "\"}");
                    assertThat(r.path("result").asText()).as(r.toString()).isEqualTo("OK");
                    alice.awaitSuccess(WAIT);
                    bob.awaitSuccess(WAIT);
                    assertThat(UdpEventRecorder.summary(events.await(1, WAIT))).hasSize(1);
                    assertThat(events.await(1, WAIT).get(0).path("new_state").asInt()).isEqualTo(5);
                }
            }
        } finally {
            first.close();
        }
    }

    @Test
    void aRecoveredCallCanBeTransferred() throws Exception {
        List<Integer> ports = FreePorts.udpAndTcp(6);
        int sip = ports.get(0);
        int mi = ports.get(1);
        List<String> args = new java.util.ArrayList<>(args(sip, mi, ports.get(2)));
        args.addAll(List.of("--route", "carol=sip:127.0.0.1:" + ports.get(4)));
        ProxyProcess first = ProxyProcess.start(dir.resolve("first.log"), args);
        try (Sipp bob = Sipp.uas("sipp/xfer_transferee_uas.xml", ports.get(2)).calls(1).timeout(WAIT).start();
             Sipp carol = Sipp.uas("sipp/xfer_target_uas.xml", ports.get(4)).calls(1).timeout(WAIT).start()) {
            try (Sipp alice = Sipp.uac("sipp/uac_wait_bye.xml", ports.get(3), "127.0.0.1:" + sip).service("bob")
                    .calls(1).timeout(WAIT).start()) {
                String callId = MiHttp.awaitConfirmedCall(mi, Duration.ofSeconds(15));
                Thread.sleep(400);
                first.kill();
                try (ProxyProcess second = ProxyProcess.start(dir.resolve("second.log"), args);
                     UdpEventRecorder events = UdpEventRecorder.subscribe(mi, "E_CALL_TRANSFER")) {
                    String destination = "sip:carol@127.0.0.1:" + sip;
                    JsonNode r = MiHttp.call(mi, "call_transfer", "{\"callid\":\"" + callId
                            + "\",\"leg\":\"callee\",\"destination\":\"" + destination + "\"}");
                    assertThat(r.path("result").asText()).as(r.toString()).isEqualTo("Accepted");
                    String referTo = bob.awaitLogLine("REFER-TO", WAIT);
                    try (Sipp newCall = Sipp.uac("sipp/xfer_newcall_uac.xml", ports.get(5), "127.0.0.1:" + sip)
                            .key("target", referTo).key("original", callId).calls(1).timeout(WAIT).start()) {
                        newCall.awaitSuccess(WAIT);
                    }
                    alice.awaitSuccess(WAIT);
                    bob.awaitSuccess(WAIT);
                    carol.awaitSuccess(WAIT);
                    assertThat(UdpEventRecorder.summary(events.awaitExactly(3, Duration.ofMillis(500)))).containsExactly(
                            callId + "|callee|start|",
                            callId + "|callee|notify|100 Trying",
                            callId + "|callee|ok|200 OK");
                }
            }
        } finally {
            first.close();
        }
    }


    private static void awaitValue(int mi, String callId, String name, String value) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode values = MiHttp.call(mi, "dlg_list_ctx", "{\"callid\":\"" + callId + "\"}").path("result").path("Dialogs")
                    .path(0).path("context").path("values");
            if (value.equals(values.path(name).asText())) return;
            Thread.sleep(30);
        }
        throw new AssertionError(name + " never became " + value);
    }

}
