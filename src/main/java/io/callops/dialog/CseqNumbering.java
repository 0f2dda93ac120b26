package io.callops.dialog;

/**
 * The one place CSeq numbers towards a leg are decided (reference R4 to R6). Every path
 * uses it: requests we originate, requests relayed from the other party, and ACKs for 2xx.
 * Responses get the sender's own number back from the proxy core, CANCEL and hop-by-hop
 * ACKs are built from the renumbered copy, and retransmissions are absorbed by the
 * transactions, so a party never sees a number go backwards, repeat, or come back to it in
 * a response it did not send.
 */
final class CseqNumbering {
    private CseqNumbering() {
    }

    /** R5: the number of a request we originate towards the leg. ACKs reuse it. */
    static long nextGenerated(Leg leg) {
        long base = leg.generatedCseq == 0 ? leg.lastCseq : leg.generatedCseq;
        leg.generatedCseq = base + 1;
        return leg.generatedCseq;
    }

    /**
     * R4/R6: the number a request relayed towards the leg gets. Until we originated a request
     * towards it, the sender's numbers pass unchanged (and are remembered); afterwards they
     * continue our sequence.
     */
    static long forRelayed(Leg leg, long original, boolean invite) {
        if (leg.generatedCseq == 0) {
            if (original > leg.lastCseq) leg.lastCseq = original;
            return original;
        }
        long n = ++leg.generatedCseq;
        if (invite) {
            leg.inviteCseqOriginal = original;
            leg.inviteCseqGenerated = n;
        }
        return n;
    }

    /**
     * R6: the number of an ACK for a 2xx relayed towards the leg: the number its INVITE got.
     * An INVITE that was not renumbered keeps its own number.
     */
    static long forAck(Leg leg, long inviteNumber) {
        if (leg.generatedCseq != 0 && leg.inviteCseqGenerated != 0 && inviteNumber == leg.inviteCseqOriginal) {
            return leg.inviteCseqGenerated;
        }
        return inviteNumber;
    }
}
