package io.callops.dialog;

import static io.callops.dialog.CallMessages.ALICE_CONTACT;
import static io.callops.dialog.CallMessages.ALICE_FLOW;
import static io.callops.dialog.CallMessages.ALICE_TAG;
import static io.callops.dialog.CallMessages.BOB_A;
import static io.callops.dialog.CallMessages.BOB_B;
import static io.callops.dialog.CallMessages.CALL_ID;
import static io.callops.dialog.CallMessages.EDGE;
import static io.callops.dialog.CallMessages.INVITE_CSEQ;
import static io.callops.dialog.CallMessages.answer;
import static io.callops.dialog.CallMessages.fromAlice;
import static io.callops.dialog.CallMessages.fromBob;
import static io.callops.dialog.CallMessages.sdp;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dialog states of the reference (1 unconfirmed, 2 early, 3 confirmed, 4 ACKed, 5 ended)
 * and what moves a dialog between them, driven through the dialog layer's proxy hooks
 * without sockets. One test per rule.
 */
class DialogStateMachineTest {
    private final DialogLayerFixture fx = new DialogLayerFixture();

    @Test
    void anInitialInviteMakesAnUnconfirmedDialogWithTheCallersSide() {
        fx.invite(sdp("alice", 1));

        Dialog d = fx.dialog();
        assertThat(d.state()).isEqualTo(DialogState.UNCONFIRMED);
        assertThat(d.caller().tag()).isEqualTo(ALICE_TAG);
        assertThat(d.caller().contact()).isEqualTo(ALICE_CONTACT);
        assertThat(d.caller().routeSet()).containsExactly(EDGE);
        assertThat(d.caller().flow()).isEqualTo(ALICE_FLOW);
        assertThat(fx.events.transitions()).isEmpty();
    }

    @Test
    void aProvisionalWithAToTagMakesTheDialogEarly() {
        RelayedRequest invite = fx.invite(null);
        invite.respond(answer(invite.sent(), 180, BOB_A, null), BOB_A.flow());

        assertThat(fx.dialog().state()).isEqualTo(DialogState.EARLY);
        assertThat(fx.dialog().callee().tag()).isEqualTo(BOB_A.tag());
        assertThat(fx.events.transitions()).containsExactly("1>2");
    }

    @Test
    void aProvisionalWithoutAToTagLeavesTheDialogUnconfirmed() {
        RelayedRequest invite = fx.invite(null);
        invite.respond(CallMessages.untagged(invite.sent(), 183), BOB_A.flow());

        assertThat(fx.dialog().state()).isEqualTo(DialogState.UNCONFIRMED);
        assertThat(fx.events.transitions()).isEmpty();
    }

    @Test
    void eachForkedProvisionalTagIsAnEarlyDialogOfItsOwn() {
        RelayedRequest invite = fx.invite(null);
        invite.respond(answer(invite.sent(), 180, BOB_A, null), BOB_A.flow());
        invite.respond(answer(invite.sent(), 183, BOB_B, null), BOB_B.flow());

        // Requests on either early dialog reach the call; the state changed once.
        assertThat(fx.layer.dialogOf(fromBob("UPDATE", 1, BOB_A.tag()).buildRequest())).isSameAs(fx.dialog());
        assertThat(fx.layer.dialogOf(fromBob("UPDATE", 1, BOB_B.tag()).buildRequest())).isSameAs(fx.dialog());
        assertThat(fx.layer.senderOf(fx.dialog(), fromBob("UPDATE", 1, BOB_B.tag()).buildRequest()))
                .isEqualTo(LegRole.CALLEE);
        assertThat(fx.events.transitions()).containsExactly("1>2");
    }

    @Test
    void the2xxOfTheSecondForkConfirmsWithThatForksTagContactRouteSetAndFlow() {
        RelayedRequest invite = fx.invite(null);
        invite.respond(answer(invite.sent(), 180, BOB_A, null), BOB_A.flow());
        invite.respond(answer(invite.sent(), 180, BOB_B, null), BOB_B.flow());
        invite.respond(answer(invite.sent(), 200, BOB_B, null), BOB_B.flow());

        Leg callee = fx.dialog().callee();
        assertThat(fx.dialog().state()).isEqualTo(DialogState.CONFIRMED_NOT_ACKED);
        assertThat(callee.tag()).isEqualTo(BOB_B.tag());
        assertThat(callee.contact()).isEqualTo(BOB_B.contact());
        assertThat(callee.routeSet()).containsExactly("<sip:q1.example.org;lr>");
        assertThat(callee.flow()).isEqualTo(BOB_B.flow());
        assertThat(fx.events.transitions()).containsExactly("1>2", "2>3");
    }

    @Test
    void a2xxWithoutAnEarlyDialogConfirmsStraightFromUnconfirmed() {
        RelayedRequest invite = fx.invite(null);
        invite.respond(answer(invite.sent(), 200, BOB_A, null), BOB_A.flow());

        Leg callee = fx.dialog().callee();
        assertThat(fx.dialog().state()).isEqualTo(DialogState.CONFIRMED_NOT_ACKED);
        assertThat(callee.tag()).isEqualTo(BOB_A.tag());
        assertThat(callee.contact()).isEqualTo(BOB_A.contact());
        assertThat(callee.flow()).isEqualTo(BOB_A.flow());
        assertThat(callee.header()).contains(";tag=" + BOB_A.tag());
        assertThat(fx.events.transitions()).containsExactly("1>3");
    }

    @Test
    void theCalleesRouteSetIsTheRecordRoutesAboveOursReversed() {
        RelayedRequest invite = fx.invite(null);
        // Record-Route in the 2xx: p2 (nearest bob), p1, ours, edge (alice's side).
        invite.respond(answer(invite.sent(), 200, BOB_A, null), BOB_A.flow());

        assertThat(fx.dialog().callee().routeSet()).containsExactly("<sip:p1.example.net;lr>", "<sip:p2.example.net;lr>");
        assertThat(fx.dialog().caller().routeSet()).containsExactly(EDGE);
    }

    @Test
    void theAckOfTheInitialInviteConfirmsTheDialog() {
        RelayedRequest invite = fx.invite(null);
        invite.respond(answer(invite.sent(), 200, BOB_A, null), BOB_A.flow());
        fx.ack(CallMessages.ack(INVITE_CSEQ, BOB_A.tag(), null));

        assertThat(fx.dialog().state()).isEqualTo(DialogState.CONFIRMED);
        assertThat(fx.events.transitions()).containsExactly("1>3", "3>4");
    }

    @Test
    void anAckWithAnotherCseqDoesNotConfirmTheDialog() {
        RelayedRequest invite = fx.invite(null);
        invite.respond(answer(invite.sent(), 200, BOB_A, null), BOB_A.flow());
        fx.ack(CallMessages.ack(INVITE_CSEQ + 1, BOB_A.tag(), null));

        assertThat(fx.dialog().state()).isEqualTo(DialogState.CONFIRMED_NOT_ACKED);
        assertThat(fx.events.transitions()).containsExactly("1>3");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {301, 302, 404, 486, 500, 503, 600, 603})
    void aFailureAnswerToTheInitialInviteEndsTheDialog(int code) {
        RelayedRequest invite = fx.invite(null);
        invite.respond(answer(invite.sent(), 180, BOB_A, null), BOB_A.flow());
        invite.respond(answer(invite.sent(), code, BOB_A, null), BOB_A.flow());

        assertThat(fx.dialog().state()).isEqualTo(DialogState.DELETED);
        assertThat(fx.events.transitions()).containsExactly("1>2", "2>5");
        assertThat(fx.stats.failed.sum()).isEqualTo(1);
    }

    @Test
    void aCancelByTheCallerEndsTheDialogWhenThe487GoesUpstream() {
        RelayedRequest invite = fx.invite(null);
        invite.respond(answer(invite.sent(), 180, BOB_A, null), BOB_A.flow());
        // alice's CANCEL is answered by the proxy core and passed on; bob answers the INVITE with 487.
        assertThat(fx.dialog().state()).isEqualTo(DialogState.EARLY);
        invite.respond(answer(invite.sent(), 487, BOB_A, null), BOB_A.flow());

        assertThat(fx.dialog().state()).isEqualTo(DialogState.DELETED);
        assertThat(fx.events.transitions()).containsExactly("1>2", "2>5");
    }

    @Test
    void aByeInAnEarlyDialogEndsIt() {
        RelayedRequest invite = fx.invite(null);
        invite.respond(answer(invite.sent(), 180, BOB_A, null), BOB_A.flow());
        RelayedRequest bye = fx.inDialog(fromBob("BYE", 1, BOB_A.tag()).buildRequest(), BOB_A.flow());

        assertThat(bye).isNotNull();
        assertThat(fx.dialog().state()).isEqualTo(DialogState.DELETED);
        assertThat(fx.events.transitions()).containsExactly("1>2", "2>5");
    }

    @Test
    void aByeInAConfirmedDialogEndsIt() {
        fx.establishedCall();
        fx.inDialog(fromAlice("BYE", INVITE_CSEQ + 1, BOB_A.tag()).buildRequest(), ALICE_FLOW);

        assertThat(fx.dialog().state()).isEqualTo(DialogState.DELETED);
        assertThat(fx.events.parameters().get(fx.events.parameters().size() - 1))
                .containsEntry("old_state", 4).containsEntry("new_state", 5);
    }

    @Test
    void a2xxFromAnotherForkAfterTheDialogIsConfirmedIsIgnored() {
        RelayedRequest invite = fx.invite(null);
        invite.respond(answer(invite.sent(), 200, BOB_A, null), BOB_A.flow());
        invite.respond(answer(invite.sent(), 200, BOB_B, null), BOB_B.flow());
        // alice ACKs and hangs up the second phone: neither belongs to the dialog with the first.
        fx.ack(CallMessages.ack(INVITE_CSEQ, BOB_B.tag(), null));
        assertThat(fx.inDialog(fromAlice("BYE", INVITE_CSEQ + 1, BOB_B.tag()).buildRequest(), ALICE_FLOW)).isNull();

        Leg callee = fx.dialog().callee();
        assertThat(fx.dialog().state()).isEqualTo(DialogState.CONFIRMED_NOT_ACKED);
        assertThat(callee.tag()).isEqualTo(BOB_A.tag());
        assertThat(callee.contact()).isEqualTo(BOB_A.contact());
        assertThat(callee.flow()).isEqualTo(BOB_A.flow());
        assertThat(fx.layer.dialogsOf(CALL_ID)).hasSize(1);
        assertThat(fx.events.transitions()).containsExactly("1>3");
    }

    @Test
    void requestsWithTagsOfNoDialogAreNotMatched() {
        fx.establishedCall();
        // alice towards a callee tag the call never had; a stranger's tag towards alice.
        assertThat(fx.inDialog(fromAlice("BYE", INVITE_CSEQ + 1, "bob-z").buildRequest(), ALICE_FLOW)).isNull();
        assertThat(fx.inDialog(fromBob("BYE", 1, "bob-z").buildRequest(), BOB_A.flow())).isNull();
        assertThat(fx.dialog().state()).isEqualTo(DialogState.CONFIRMED);
    }

    @Test
    void theForkThatLostNoLongerReachesTheDialog() {
        RelayedRequest invite = fx.invite(null);
        invite.respond(answer(invite.sent(), 180, BOB_A, null), BOB_A.flow());
        invite.respond(answer(invite.sent(), 200, BOB_B, null), BOB_B.flow());

        assertThat(fx.inDialog(fromBob("BYE", 1, BOB_A.tag()).buildRequest(), BOB_A.flow())).isNull();
        assertThat(fx.dialog().state()).isEqualTo(DialogState.CONFIRMED_NOT_ACKED);
    }

    @Test
    void everyChangeRaisesOneStateEventWithTheReferenceFields() {
        RelayedRequest invite = fx.invite(null);
        invite.respond(answer(invite.sent(), 180, BOB_A, null), BOB_A.flow());
        invite.respond(answer(invite.sent(), 180, BOB_A, null), BOB_A.flow()); // no change: no event
        invite.respond(answer(invite.sent(), 200, BOB_A, null), BOB_A.flow());
        fx.ack(CallMessages.ack(INVITE_CSEQ, BOB_A.tag(), null));
        fx.ack(CallMessages.ack(INVITE_CSEQ, BOB_A.tag(), null)); // a retransmitted ACK: no change
        fx.inDialog(fromAlice("BYE", INVITE_CSEQ + 1, BOB_A.tag()).buildRequest(), ALICE_FLOW);

        String id = fx.dialog().idText();
        assertThat(fx.events.raised()).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo(DialogEvents.STATE_CHANGED);
            assertThat(e.callId()).isEqualTo(CALL_ID); // delivery keeps one call's events in order by it
        });
        assertThat(fx.events.parameters()).containsExactly(
                stateChange(id, 1, 2), stateChange(id, 2, 3), stateChange(id, 3, 4), stateChange(id, 4, 5));
        assertThat(fx.events.parameters().get(0).keySet())
                .containsExactly("id", "db_id", "callid", "from_tag", "to_tag", "old_state", "new_state");
    }

    /** E_DLG_STATE_CHANGED of this call with bob's first phone. */
    private static Map<String, Object> stateChange(String id, int from, int to) {
        return Map.of("id", id, "db_id", id, "callid", CALL_ID, "from_tag", ALICE_TAG, "to_tag", BOB_A.tag(),
                "old_state", from, "new_state", to);
    }
}
