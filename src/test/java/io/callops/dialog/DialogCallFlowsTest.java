package io.callops.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import io.callops.sip.SipMethod;
import io.callops.testsupport.FreePorts;
import io.callops.testsupport.Sipp;
import io.callops.testsupport.SippAvailable;
import io.callops.testsupport.TestProxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Calls through the proxy into which the proxy sends re-INVITEs and REFERs of its own,
 * followed by the caller's own re-INVITE and BYE. The SIPp scenarios check every CSeq on
 * the wire (reference R4 to R6): each phone sees its numbers increase without a gap in
 * meaning, and gets its own numbers back in responses.
 */
@Tag("sipp")
@ExtendWith(SippAvailable.class)
class DialogCallFlowsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    static final byte[] OFFER = ("v=0\r\no=proxy 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/AVP 0\r\na=sendonly\r\n").getBytes(StandardCharsets.US_ASCII);

    @Test
    void proxyRequestsToTheCalleeThenCallerReinviteAndByeAreRenumbered() throws Exception {
        run("sipp/dlg_uac_plain.xml", List.of(LegRole.CALLEE));
    }

    @Test
    void proxyRequestsToBothLegsKeepEachLegsNumbering() throws Exception {
        run("sipp/dlg_uac_receives.xml", List.of(LegRole.CALLEE, LegRole.CALLER));
    }

    @Test
    void proxyReinviteAnswered491IsRetriedWithANewNumber() throws Exception {
        List<Integer> ports = FreePorts.udpAndTcp(2);
        try (TestProxy proxy = TestProxy.start(Map.of("routes", Map.of("bob", "sip:127.0.0.1:" + ports.get(0))));
             Sipp callee = Sipp.uas("sipp/dlg_uas_491.xml", ports.get(0)).calls(1).timeout(WAIT).start()) {
            try (Sipp caller = Sipp.uac("sipp/uac_call.xml", ports.get(1), proxy.address()).service("bob").calls(1)
                    .pause(Duration.ofSeconds(8)).timeout(WAIT).start()) {
                String callId = DialogTestSupport.awaitConfirmedCall(proxy, Duration.ofSeconds(10));
                long start = System.nanoTime();
                RequestOutcome reinvite = DialogTestSupport.send(proxy, callId,
                        new OutgoingRequest(LegRole.CALLEE, SipMethod.INVITE, OFFER, "application/sdp", List.of(), null));
                long tookMs = (System.nanoTime() - start) / 1_000_000;
                assertThat(reinvite.status()).isEqualTo(200);
                // We act for the caller, who owns the Call-ID: the retry waits 2.1 to 4 s (RFC 3261 §14.1).
                assertThat(tookMs).isBetween(2000L, 6000L);
                assertThat(proxy.server().dialogStats().retried491.sum()).isEqualTo(1);
                caller.awaitSuccess(WAIT);
            }
            callee.awaitSuccess(Duration.ofSeconds(10));
        }
    }

    @Test
    void confirmedCallIsEndedWithByeWhenItsLifetimeEnds() throws Exception {
        List<Integer> ports = FreePorts.udpAndTcp(2);
        try (TestProxy proxy = TestProxy.start(Map.of("routes", Map.of("bob", "sip:127.0.0.1:" + ports.get(0)),
                "dialog.timeout_s", 2));
             Sipp callee = Sipp.uas("sipp/uas_call.xml", ports.get(0)).calls(1).timeout(WAIT).start()) {
            try (Sipp caller = Sipp.uac("sipp/uac_wait_bye.xml", ports.get(1), proxy.address()).service("bob")
                    .calls(1).timeout(WAIT).start()) {
                DialogTestSupport.awaitConfirmedCall(proxy, Duration.ofSeconds(10));
                caller.awaitSuccess(WAIT);   // both phones got the proxy's BYE
            }
            callee.awaitSuccess(WAIT);
            assertThat(proxy.server().dialogStats().timedOut.sum()).isEqualTo(1);
        }
    }

    private static void run(String callerScenario, List<LegRole> targets) throws Exception {
        List<Integer> ports = FreePorts.udpAndTcp(2);
        try (TestProxy proxy = TestProxy.start(Map.of("routes", Map.of("bob", "sip:127.0.0.1:" + ports.get(0))));
             Sipp callee = Sipp.uas("sipp/dlg_uas_cseq.xml", ports.get(0)).calls(1).timeout(WAIT).start()) {
            try (Sipp caller = Sipp.uac(callerScenario, ports.get(1), proxy.address()).service("bob").calls(1)
                    .timeout(WAIT).start()) {
                String callId = DialogTestSupport.awaitConfirmedCall(proxy, Duration.ofSeconds(10));
                for (LegRole leg : targets) {
                    RequestOutcome reinvite = DialogTestSupport.send(proxy, callId,
                            new OutgoingRequest(leg, SipMethod.INVITE, OFFER, "application/sdp", List.of(), null));
                    assertThat(reinvite.status()).as("re-INVITE to the %s", leg.text()).isEqualTo(200);
                    RequestOutcome refer = DialogTestSupport.send(proxy, callId, new OutgoingRequest(leg, SipMethod.REFER,
                            null, null, List.<String[]>of(new String[] {"Refer-To", "<sip:carol@127.0.0.1>"}), null));
                    assertThat(refer.status()).as("REFER to the %s", leg.text()).isEqualTo(202);
                }
                caller.awaitSuccess(WAIT);
            }
            callee.awaitSuccess(Duration.ofSeconds(10));
            CompletableFuture<List<Integer>> states = proxy.server().dialogs().onEach(
                    l -> l.dialogsOf(callIdOf(l)).stream().map(d -> d.state().code()).toList());
            assertThat(states.get(5, TimeUnit.SECONDS)).containsOnly(DialogState.DELETED.code());
        }
    }

    private static String callIdOf(DialogLayer l) {
        return l.all().isEmpty() ? "" : l.all().get(0).callId();
    }
}
