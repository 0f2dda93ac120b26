package io.callops.proxy;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Call flows through the proxy with SIPp on both sides, over real loopback sockets. */
@Tag("sipp")
@ExtendWith(SippAvailable.class)
class ProxyCallFlowsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Map<String, Object> routeTo(int calleePort, String transport) {
        return Map.of("routes", Map.of("bob", "sip:127.0.0.1:" + calleePort + (transport == null ? "" : ";transport=" + transport)));
    }

    private static void call(String uac, String uas, Sipp.Transport callerSide, Sipp.Transport calleeSide,
                             String routeTransport, int calls, Map<String, Object> extra) {
        List<Integer> ports = FreePorts.udpAndTcp(2);
        Map<String, Object> cfg = new java.util.HashMap<>(routeTo(ports.get(0), routeTransport));
        cfg.putAll(extra);
        try (TestProxy proxy = TestProxy.start(cfg);
             Sipp callee = Sipp.uas("sipp/" + uas, ports.get(0)).transport(calleeSide).calls(calls)
                     .timeout(WAIT).start()) {
            try (Sipp caller = Sipp.uac("sipp/" + uac, ports.get(1), proxy.address()).transport(callerSide)
                    .service("bob").calls(calls).rate(Math.min(calls, 20)).timeout(WAIT).start()) {
                caller.awaitSuccess(WAIT.plusSeconds(5));
            }
            callee.awaitSuccess(Duration.ofSeconds(10));
        }
    }

    @Test
    void basicCallOverUdp() {
        call("uac_call.xml", "uas_call.xml", Sipp.Transport.UDP, Sipp.Transport.UDP, null, 5, Map.of());
    }

    @Test
    void basicCallOverTcp() {
        call("uac_call.xml", "uas_call.xml", Sipp.Transport.TCP, Sipp.Transport.TCP, "tcp", 3, Map.of());
    }

    @Test
    void udpInTcpOut() {
        call("uac_call.xml", "uas_call.xml", Sipp.Transport.UDP, Sipp.Transport.TCP, "tcp", 3, Map.of());
    }

    @Test
    void cancelBeforeAnswer() {
        call("uac_cancel.xml", "uas_cancel.xml", Sipp.Transport.UDP, Sipp.Transport.UDP, null, 3, Map.of());
    }

    @Test
    void busyCallee() {
        call("uac_busy.xml", "uas_busy.xml", Sipp.Transport.UDP, Sipp.Transport.UDP, null, 3, Map.of());
    }

    @Test
    void noAnswerEndsWith408AfterTimerC() {
        long start = System.nanoTime();
        call("uac_timeout.xml", "uas_noanswer.xml", Sipp.Transport.UDP, Sipp.Transport.UDP, null, 1,
                Map.of("sip.timer_c_ms", 2000));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(1900));
    }

    @Test
    void callsUnderPacketLossAllComplete() {
        List<Integer> ports = FreePorts.udpAndTcp(2);
        try (TestProxy proxy = TestProxy.start(Map.of("routes", Map.of("bob", "sip:127.0.0.1:" + ports.get(0)),
                "sip.t1_ms", 100, "sip.t2_ms", 400));
             Sipp callee = Sipp.uas("sipp/uas_call_lossy.xml", ports.get(0)).lost(10).calls(20).timeout(Duration.ofSeconds(60))
                     .start()) {
            // Loss on the callee's leg: the proxy's client transactions retransmit INVITE and BYE,
            // its server transactions absorb the callee's retransmitted 200s. (SIPp's caller
            // scenario itself cannot tell a retransmitted 200 to its INVITE from the BYE's.)
            try (Sipp caller = Sipp.uac("sipp/uac_call.xml", ports.get(1), proxy.address()).service("bob")
                    .calls(20).rate(10).timeout(Duration.ofSeconds(60)).start()) {
                caller.awaitSuccess(Duration.ofSeconds(70));
            }
            callee.awaitSuccess(Duration.ofSeconds(10));
        }
    }

    @Test
    void maxForwardsZeroIsAnswered483() {
        try (TestProxy proxy = TestProxy.start();
             Sipp caller = Sipp.uac("sipp/uac_maxforwards0.xml", FreePorts.udpAndTcp(), proxy.address())
                     .service("bob").calls(1).timeout(Duration.ofSeconds(15)).start()) {
            caller.awaitSuccess(Duration.ofSeconds(20));
        }
    }

    @Test
    void registerThenCallTheRegisteredUser() {
        List<Integer> ports = FreePorts.udpAndTcp(2);
        try (TestProxy proxy = TestProxy.start();
             Sipp callee = Sipp.uac("sipp/uas_register_then_call.xml", ports.get(0), proxy.address())
                     .service("carol").callId("reg-%u").calls(1).timeout(WAIT).start()) {
            awaitBindings(proxy, 1);
            try (Sipp caller = Sipp.uac("sipp/uac_call.xml", ports.get(1), proxy.address()).service("carol")
                    .callId("reg-%u").calls(1).timeout(WAIT).start()) {
                caller.awaitSuccess(WAIT.plusSeconds(5));
            }
            callee.awaitSuccess(Duration.ofSeconds(10));
        }
    }

    @Test
    void parallelForkingFirst200WinsAndTheOtherBranchIsCancelled() {
        List<Integer> ports = FreePorts.udpAndTcp(3);
        try (TestProxy proxy = TestProxy.start();
             Sipp answering = Sipp.uac("sipp/uas_fork_answer.xml", ports.get(0), proxy.address())
                     .service("dave").callId("fork-%u").calls(1).timeout(WAIT).start();
             Sipp cancelled = Sipp.uac("sipp/uas_fork_cancelled.xml", ports.get(1), proxy.address())
                     .service("dave").callId("fork-%u").calls(1).timeout(WAIT).start()) {
            awaitBindings(proxy, 2);
            try (Sipp caller = Sipp.uac("sipp/uac_call.xml", ports.get(2), proxy.address()).service("dave")
                    .callId("fork-%u").calls(1).timeout(WAIT).start()) {
                caller.awaitSuccess(WAIT.plusSeconds(5));
            }
            answering.awaitSuccess(Duration.ofSeconds(10));
            cancelled.awaitSuccess(Duration.ofSeconds(10));
        }
    }

    @Test
    void unknownUserOfOurDomainGets404() {
        try (TestProxy proxy = TestProxy.start();
             Sipp caller = Sipp.uac("sipp/uac_busy.xml", FreePorts.udpAndTcp(), proxy.address())
                     .service("nobody").key("expected_status", "404").calls(1).timeout(Duration.ofSeconds(15)).start()) {
            caller.awaitExit(Duration.ofSeconds(20));
            assertThat(caller.messageTrace()).contains("SIP/2.0 404 Not Found");
        }
    }

    private static void awaitBindings(TestProxy proxy, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (proxy.server().location().bindingCount() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(proxy.server().location().bindingCount()).isGreaterThanOrEqualTo(count);
    }
}
