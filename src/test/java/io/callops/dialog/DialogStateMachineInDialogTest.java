package io.callops.dialog;

import static io.callops.dialog.CallMessages.ALICE_CONTACT;
import static io.callops.dialog.CallMessages.ALICE_FLOW;
import static io.callops.dialog.CallMessages.BOB_A;
import static io.callops.dialog.CallMessages.INVITE_CSEQ;
import static io.callops.dialog.CallMessages.answer;
import static io.callops.dialog.CallMessages.fromAlice;
import static io.callops.dialog.CallMessages.fromBob;
import static io.callops.dialog.CallMessages.reply;
import static io.callops.dialog.CallMessages.sdp;
import static io.callops.dialog.CallMessages.withSdp;
import static org.assertj.core.api.Assertions.assertThat;

import io.callops.dialog.store.DialogRecord;
import io.callops.sip.HeaderName;
import org.junit.jupiter.api.Test;

/**
 * What requests inside a dialog change: the remote targets (RFC 3261 §12.2, target refresh)
 * and the SDPs each leg sent and was sent (RFC 3264 offer/answer, reference R8).
 */
class DialogStateMachineInDialogTest {
    private static final String BOB_MOVED = "sip:bob@127.0.0.1:5081";
    private static final String ALICE_MOVED = "sip:alice@127.0.0.1:5071";

    private final DialogLayerFixture fx = new DialogLayerFixture();

    @Test
    void aReInviteFromTheCalleeUpdatesItsContact() {
        Dialog d = fx.establishedCall();
        fx.inDialog(fromBob("INVITE", 1, BOB_A.tag()).header(HeaderName.CONTACT, "<" + BOB_MOVED + ">")
                .buildRequest(), BOB_A.flow());

        assertThat(d.callee().contact()).isEqualTo(BOB_MOVED);
        assertThat(d.caller().contact()).isEqualTo(ALICE_CONTACT);
    }

    @Test
    void the2xxToAReInviteUpdatesTheContactOfThePartyThatAnswered() {
        Dialog d = fx.establishedCall();
        RelayedRequest reInvite = fx.inDialog(fromBob("INVITE", 1, BOB_A.tag())
                .header(HeaderName.CONTACT, "<" + BOB_A.contact() + ">").buildRequest(), BOB_A.flow());
        reInvite.respond(reply(reInvite.sent(), 200, ALICE_MOVED, null), ALICE_FLOW);

        assertThat(d.caller().contact()).isEqualTo(ALICE_MOVED);
        assertThat(d.callee().contact()).isEqualTo(BOB_A.contact());
    }

    @Test
    void aRequestThatIsNotATargetRefreshLeavesTheContactAlone() {
        Dialog d = fx.establishedCall();
        fx.inDialog(fromBob("INFO", 1, BOB_A.tag()).header(HeaderName.CONTACT, "<" + BOB_MOVED + ">")
                .buildRequest(), BOB_A.flow());

        assertThat(d.callee().contact()).isEqualTo(BOB_A.contact());
    }

    @Test
    void theInvitesOfferAndThe2xxsAnswerBecomeEachLegsSdps() {
        Dialog d = fx.establishedCall(); // offer alice/1 in the INVITE, answer bob/1 in the 2xx

        assertCurrentSdps(d, sdp("alice", 1), sdp("bob", 1));
    }

    @Test
    void aLateOfferIn2xxIsAnsweredInTheAck() {
        RelayedRequest invite = fx.invite(null);
        invite.respond(answer(invite.sent(), 200, BOB_A, sdp("bob", 1)), BOB_A.flow());
        fx.ack(CallMessages.ack(INVITE_CSEQ, BOB_A.tag(), sdp("alice", 1)));

        Dialog d = fx.dialog();
        assertThat(d.state()).isEqualTo(DialogState.CONFIRMED);
        assertCurrentSdps(d, sdp("alice", 1), sdp("bob", 1));
    }

    @Test
    void anAcceptedReInviteReplacesTheSdps() {
        Dialog d = fx.establishedCall();
        RelayedRequest reInvite = fx.inDialog(withSdp(fromAlice("INVITE", INVITE_CSEQ + 1, BOB_A.tag()),
                sdp("alice", 2)).buildRequest(), ALICE_FLOW);
        reInvite.respond(reply(reInvite.sent(), 200, BOB_A.contact(), sdp("bob", 2)), BOB_A.flow());

        assertCurrentSdps(d, sdp("alice", 2), sdp("bob", 2));
        assertThat(fx.store.lastSaved().callee().sdpReceived()).isEqualTo(sdp("bob", 2));
    }

    @Test
    void aRejectedReInviteLeavesTheStoredSdpsAsTheyWere() {
        Dialog d = fx.establishedCall();
        DialogRecord before = fx.store.lastSaved();
        RelayedRequest reInvite = fx.inDialog(withSdp(fromAlice("INVITE", INVITE_CSEQ + 1, BOB_A.tag()),
                sdp("alice", 2)).buildRequest(), ALICE_FLOW);
        reInvite.respond(reply(reInvite.sent(), 488, null, null), BOB_A.flow());

        assertCurrentSdps(d, sdp("alice", 1), sdp("bob", 1));
        // The end of the transaction is written (CSeq numbers), with the SDPs of before.
        DialogRecord after = fx.store.lastSaved();
        assertThat(after).isNotSameAs(before);
        assertThat(after.caller().sdpReceived()).isEqualTo(before.caller().sdpReceived());
        assertThat(after.caller().sdpSent()).isEqualTo(before.caller().sdpSent());
        assertThat(after.callee().sdpReceived()).isEqualTo(before.callee().sdpReceived());
        assertThat(after.callee().sdpSent()).isEqualTo(before.callee().sdpSent());
    }

    @Test
    void anEndedDialogDropsItsSdpsWhileItLingersAndStillRoutesLateRequests() {
        Dialog d = fx.establishedCall();
        fx.inDialog(fromAlice("BYE", INVITE_CSEQ + 1, BOB_A.tag()).buildRequest(), ALICE_FLOW);

        assertThat(d.state()).isEqualTo(DialogState.DELETED);
        for (Leg leg : new Leg[] {d.caller(), d.callee()}) {
            assertThat(leg.sdpReceived()).isNull();
            assertThat(leg.sdpSent()).isNull();
        }
        // What late requests need is kept: a BYE that crossed ours is still matched and relayed.
        assertThat(d.caller().contact()).isEqualTo(ALICE_CONTACT);
        assertThat(fx.inDialog(fromBob("BYE", 1, BOB_A.tag()).buildRequest(), BOB_A.flow())).isNotNull();
    }

    /** What alice sent last is what bob was sent last, and the other way round (R8 keeps both per leg). */
    private static void assertCurrentSdps(Dialog d, String alices, String bobs) {
        assertThat(d.caller().sdpReceived()).as("SDP received from alice").isEqualTo(alices);
        assertThat(d.callee().sdpSent()).as("SDP sent to bob").isEqualTo(alices);
        assertThat(d.callee().sdpReceived()).as("SDP received from bob").isEqualTo(bobs);
        assertThat(d.caller().sdpSent()).as("SDP sent to alice").isEqualTo(bobs);
    }
}
