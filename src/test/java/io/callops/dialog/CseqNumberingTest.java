package io.callops.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The CSeq rules of the reference (R4 to R6), one test per rule. */
class CseqNumberingTest {

    private static Leg legAfterInvite(long inviteCseq) {
        Leg l = new Leg();
        l.lastCseq = inviteCseq; // R4 (a): both legs start from the initial INVITE's number
        return l;
    }

    @Test
    void r4_relayedNumbersPassUnchangedUntilWeGenerate() {
        Leg callee = legAfterInvite(1);
        assertThat(CseqNumbering.forRelayed(callee, 2, true)).isEqualTo(2);
        assertThat(CseqNumbering.forRelayed(callee, 3, false)).isEqualTo(3);
        assertThat(callee.lastCseq).isEqualTo(3);
        assertThat(callee.generatedCseq).isZero();
    }

    @Test
    void r5_firstGeneratedRequestFollowsTheLastRelayedNumber() {
        Leg callee = legAfterInvite(101);
        CseqNumbering.forRelayed(callee, 102, true);
        assertThat(CseqNumbering.nextGenerated(callee)).isEqualTo(103);
        assertThat(CseqNumbering.nextGenerated(callee)).isEqualTo(104);
    }

    @Test
    void r5_ackOfOurInviteReusesItsNumber() {
        Leg callee = legAfterInvite(1);
        long invite = CseqNumbering.nextGenerated(callee);
        // The ACK is built from the INVITE's number, never from a new one (OpenSIPS #2106).
        assertThat(invite).isEqualTo(2);
        assertThat(callee.generatedCseq).isEqualTo(2);
    }

    @Test
    void r6_relayedRequestsContinueOurSequenceOnceWeGenerated() {
        Leg callee = legAfterInvite(1);
        CseqNumbering.nextGenerated(callee);                       // our re-INVITE: 2
        CseqNumbering.nextGenerated(callee);                       // our REFER: 3
        assertThat(CseqNumbering.forRelayed(callee, 2, true)).isEqualTo(4);   // caller's re-INVITE 2
        assertThat(CseqNumbering.forRelayed(callee, 3, false)).isEqualTo(5);  // caller's BYE 3
    }

    @Test
    void r6_ackForA2xxGetsTheNumberItsInviteGot() {
        Leg callee = legAfterInvite(1);
        CseqNumbering.nextGenerated(callee);
        assertThat(CseqNumbering.forRelayed(callee, 2, true)).isEqualTo(3);
        assertThat(CseqNumbering.forAck(callee, 2)).isEqualTo(3);
    }

    @Test
    void r6_ackAfterAnInfoStillFollowsItsInvite() {
        // OpenSIPS #3729: the ACK of a re-INVITE must not take the number of a later request.
        Leg callee = legAfterInvite(1);
        CseqNumbering.nextGenerated(callee);
        long invite = CseqNumbering.forRelayed(callee, 2, true);
        CseqNumbering.forRelayed(callee, 3, false); // an INFO relayed before the ACK
        assertThat(CseqNumbering.forAck(callee, 2)).isEqualTo(invite);
    }

    @Test
    void r6_ackOfAnInviteRelayedBeforeRenumberingKeepsItsNumber() {
        Leg callee = legAfterInvite(1);
        CseqNumbering.forRelayed(callee, 2, true);   // relayed as 2, before we generated anything
        CseqNumbering.nextGenerated(callee);         // ours: 3
        assertThat(CseqNumbering.forAck(callee, 2)).isEqualTo(2);
        assertThat(CseqNumbering.forAck(callee, 1)).isEqualTo(1); // the initial INVITE's ACK
    }

    @Test
    void r6_retryAfterAuthenticationChallengeGetsAFreshNumber() {
        // The caller re-sends its challenged re-INVITE with CSeq + 1 (RFC 3261 §22.2); the
        // callee must see a new, higher number too (OpenSIPS #3041, Kamailio #919).
        Leg callee = legAfterInvite(1);
        CseqNumbering.nextGenerated(callee);
        long first = CseqNumbering.forRelayed(callee, 2, true);
        long retry = CseqNumbering.forRelayed(callee, 3, true);
        assertThat(retry).isGreaterThan(first);
        assertThat(CseqNumbering.forAck(callee, 3)).isEqualTo(retry);
    }

    @Test
    void r6_requestsFromTheLegItselfAreNeverRenumbered() {
        // Renumbering is per receiving leg: the caller's leg counters do not move when the
        // callee gets our requests.
        Leg caller = legAfterInvite(1);
        Leg callee = legAfterInvite(1);
        CseqNumbering.nextGenerated(callee);
        assertThat(CseqNumbering.forRelayed(caller, 7, false)).isEqualTo(7);
    }

    @Property
    void aLegNeverSeesANumberRepeatOrGoBack(@ForAll @IntRange(min = 1, max = 40) int steps,
                                            @ForAll("choices") int[] choices) {
        Leg callee = legAfterInvite(1);
        long senderCseq = 1;
        long lastSeen = 1;
        for (int i = 0; i < Math.min(steps, choices.length); i++) {
            long n;
            if (choices[i] % 2 == 0) {
                n = CseqNumbering.nextGenerated(callee);
            } else {
                senderCseq += 1 + (choices[i] % 3);
                n = CseqNumbering.forRelayed(callee, senderCseq, choices[i] % 3 == 0);
            }
            assertThat(n).isGreaterThan(lastSeen);
            lastSeen = n;
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<int[]> choices() {
        return net.jqwik.api.Arbitraries.integers().between(0, 1000).array(int[].class).ofMinSize(1).ofMaxSize(40);
    }
}
