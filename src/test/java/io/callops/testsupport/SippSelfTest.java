package io.callops.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks the SIPp tooling itself: caller and callee scenarios talk directly, no proxy. */
@Tag("sipp")
@ExtendWith(SippAvailable.class)
class SippSelfTest {

    @Test
    void basicCallCallerAgainstCalleeOverUdp() {
        runPair(Sipp.Transport.UDP);
    }

    @Test
    void basicCallCallerAgainstCalleeOverTcp() {
        runPair(Sipp.Transport.TCP);
    }

    /** Pairs whose outcome does not depend on a proxy also work caller-to-callee. */
    @ParameterizedTest(name = "{0} against {1}")
    @CsvSource({
        "uac_cancel.xml, uas_cancel.xml",
        "uac_busy.xml, uas_busy.xml",
        "uac_cancel.xml, uas_noanswer.xml",
    })
    void otherPairsWithoutProxy(String caller, String callee) {
        List<Integer> ports = FreePorts.udpAndTcp(2);
        try (Sipp uas = Sipp.uas("sipp/" + callee, ports.get(0)).calls(1)
                .timeout(Duration.ofSeconds(15)).start()) {
            awaitListening(uas);
            try (Sipp uac = Sipp.uac("sipp/" + caller, ports.get(1), "127.0.0.1:" + ports.get(0))
                    .service("bob").calls(1).timeout(Duration.ofSeconds(15)).start()) {
                uac.awaitSuccess(Duration.ofSeconds(20));
            }
            uas.awaitSuccess(Duration.ofSeconds(10));
        }
    }

    @Test
    void failureMessageCarriesTheLogs() {
        // Nobody listens on the target port: the caller must time out and say so readably.
        List<Integer> ports = FreePorts.udpAndTcp(2);
        try (Sipp caller = Sipp.uac("sipp/uac_call.xml", ports.get(0), "127.0.0.1:" + ports.get(1))
                .service("bob").calls(1).timeout(Duration.ofSeconds(2)).start()) {
            int code = caller.awaitExit(Duration.ofSeconds(15));
            assertThat(code).isNotZero();
            assertThat(caller.diagnostics())
                    .contains("command: ")
                    .contains("message trace")
                    .contains("INVITE sip:bob@127.0.0.1:" + ports.get(1));
        }
    }

    private static void runPair(Sipp.Transport transport) {
        List<Integer> ports = FreePorts.udpAndTcp(2);
        int calleePort = ports.get(0);
        int callerPort = ports.get(1);
        try (Sipp callee = Sipp.uas("sipp/uas_call.xml", calleePort)
                .transport(transport).calls(1).timeout(Duration.ofSeconds(15)).start()) {
            awaitListening(callee);
            try (Sipp caller = Sipp.uac("sipp/uac_call.xml", callerPort, "127.0.0.1:" + calleePort)
                    .transport(transport).service("bob").calls(1).pause(Duration.ofMillis(200))
                    .timeout(Duration.ofSeconds(15)).start()) {
                assertThat(caller.awaitExit(Duration.ofSeconds(20)))
                        .as(caller::diagnostics).isZero();
                assertThat(caller.messageTrace()).contains("BYE sip:callee@127.0.0.1:" + calleePort);
            }
            assertThat(callee.awaitExit(Duration.ofSeconds(10))).as(callee::diagnostics).isZero();
        }
    }

    private static void awaitListening(Sipp sipp) {
        // start() returned once the callee's socket was bound; it must still be running.
        assertThat(sipp.isAlive()).as(sipp::diagnostics).isTrue();
    }
}
