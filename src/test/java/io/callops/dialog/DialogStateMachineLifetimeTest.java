package io.callops.dialog;

import static io.callops.dialog.CallMessages.ALICE_CONTACT;
import static io.callops.dialog.CallMessages.ALICE_FLOW;
import static io.callops.dialog.CallMessages.BOB_A;
import static io.callops.dialog.CallMessages.CALL_ID;
import static io.callops.dialog.CallMessages.EDGE;
import static io.callops.dialog.CallMessages.INVITE_CSEQ;
import static io.callops.dialog.CallMessages.fromAlice;
import static io.callops.dialog.DialogLayerFixture.LINGER_MS;
import static io.callops.dialog.DialogLayerFixture.TIMEOUT_S;
import static org.assertj.core.api.Assertions.assertThat;

import io.callops.dialog.RecordingTransport.Sent;
import io.callops.sip.HeaderName;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How long dialogs live: the lifetime timer, its refresh by traffic, and the linger of ended dialogs. */
class DialogStateMachineLifetimeTest {
    private static final long LIFETIME_MS = TIMEOUT_S * 1000L;

    @Test
    void theLifetimeEndsAConfirmedDialogWithAByeToEachLeg() {
        DialogLayerFixture fx = new DialogLayerFixture(DialogLayerFixture.settings(true, false));
        fx.establishedCall();

        fx.worker.advance(LIFETIME_MS - 1);
        assertThat(fx.dialog().state()).isEqualTo(DialogState.CONFIRMED);
        assertThat(fx.transport.all()).isEmpty();

        fx.worker.advance(1);
        assertThat(fx.dialog().state()).isEqualTo(DialogState.DELETED);
        assertThat(fx.events.transitions()).endsWith("4>5");
        List<Sent> byes = fx.transport.requests("BYE");
        assertThat(byes).hasSize(2);
        Sent toAlice = byTarget(byes, ALICE_CONTACT);
        Sent toBob = byTarget(byes, BOB_A.contact());
        // Each on its leg's own flow, with that leg's route set, as the other party would send it.
        assertThat(toAlice.to()).isEqualTo(ALICE_FLOW.remote());
        assertThat(toAlice.request().headerValues(HeaderName.ROUTE)).containsExactly(EDGE);
        assertThat(toAlice.request().fromTag()).isEqualTo(BOB_A.tag());
        assertThat(toBob.to()).isEqualTo(BOB_A.flow().remote());
        assertThat(toBob.request().headerValues(HeaderName.ROUTE))
                .containsExactly("<sip:p1.example.net;lr>", "<sip:p2.example.net;lr>");
        assertThat(toBob.request().toTag()).isEqualTo(BOB_A.tag());
        assertThat(toBob.request().callId()).isEqualTo(CALL_ID);
        assertThat(fx.stats.timedOut.sum()).isEqualTo(1);
    }

    private static Sent byTarget(List<Sent> sent, String requestUri) {
        return sent.stream().filter(s -> s.request().requestUri().equals(requestUri)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing sent to " + requestUri + " in " + sent));
    }

    @Test
    void withoutByeOnTimeoutTheLifetimeEndsTheDialogSilently() {
        DialogLayerFixture fx = new DialogLayerFixture(DialogLayerFixture.settings(false, false));
        fx.establishedCall();

        fx.worker.advance(LIFETIME_MS);

        assertThat(fx.dialog().state()).isEqualTo(DialogState.DELETED);
        assertThat(fx.events.transitions()).endsWith("4>5");
        assertThat(fx.transport.all()).isEmpty();
    }

    @Test
    void theLifetimeOfAnUnansweredDialogCancelsItsInvite() {
        DialogLayerFixture fx = new DialogLayerFixture(DialogLayerFixture.settings(true, false));
        RelayedRequest invite = fx.invite(null);

        fx.worker.advance(LIFETIME_MS);

        assertThat(invite.cancels()).isEqualTo(1);
        assertThat(fx.dialog().state()).isEqualTo(DialogState.DELETED);
        assertThat(fx.transport.requests("BYE")).isEmpty(); // nothing to BYE before a 2xx
    }

    @Test
    void withRefreshOnTrafficEachRequestRestartsTheLifetime() {
        DialogLayerFixture fx = new DialogLayerFixture(DialogLayerFixture.settings(true, true));
        fx.establishedCall();
        fx.worker.advance(LIFETIME_MS - 10_000);
        fx.inDialog(fromAlice("INFO", INVITE_CSEQ + 1, BOB_A.tag()).buildRequest(), ALICE_FLOW);

        fx.worker.advance(LIFETIME_MS - 1);
        assertThat(fx.dialog().state()).isEqualTo(DialogState.CONFIRMED);

        fx.worker.advance(1);
        assertThat(fx.dialog().state()).isEqualTo(DialogState.DELETED);
        assertThat(fx.dialog().expiresEpochMs()).isEqualTo(ManualWorker.START_EPOCH_MS + 2 * LIFETIME_MS - 10_000);
    }

    @Test
    void withoutRefreshOnTrafficRequestsLeaveTheLifetimeAlone() {
        DialogLayerFixture fx = new DialogLayerFixture(DialogLayerFixture.settings(true, false));
        fx.establishedCall();
        fx.worker.advance(LIFETIME_MS - 10_000);
        fx.inDialog(fromAlice("INFO", INVITE_CSEQ + 1, BOB_A.tag()).buildRequest(), ALICE_FLOW);

        fx.worker.advance(10_000);

        assertThat(fx.dialog().state()).isEqualTo(DialogState.DELETED);
    }

    @Test
    void anEndedDialogLingersForLateRequestsThenIsForgotten() {
        DialogLayerFixture fx = new DialogLayerFixture();
        fx.establishedCall();
        fx.inDialog(fromAlice("BYE", INVITE_CSEQ + 1, BOB_A.tag()).buildRequest(), ALICE_FLOW);

        fx.worker.advance(LINGER_MS - 1);
        assertThat(fx.layer.dialogsOf(CALL_ID)).hasSize(1);
        // A BYE that crossed ours still finds the call to be routed by.
        assertThat(fx.inDialog(CallMessages.fromBob("BYE", 1, BOB_A.tag()).buildRequest(), BOB_A.flow())).isNotNull();
        assertThat(fx.stats.inState(DialogState.DELETED)).isEqualTo(1);

        fx.worker.advance(1);
        assertThat(fx.layer.dialogsOf(CALL_ID)).isEmpty();
        assertThat(fx.layer.size()).isZero();
        assertThat(fx.stats.inState(DialogState.DELETED)).isZero();
    }

    @Test
    void aLateRequestDoesNotStretchTheLingerEvenWithRefreshOnTraffic() {
        DialogLayerFixture fx = new DialogLayerFixture(DialogLayerFixture.settings(true, true));
        fx.establishedCall();
        fx.inDialog(fromAlice("BYE", INVITE_CSEQ + 1, BOB_A.tag()).buildRequest(), ALICE_FLOW);
        fx.worker.advance(LINGER_MS - 1);
        fx.inDialog(CallMessages.fromBob("BYE", 1, BOB_A.tag()).buildRequest(), BOB_A.flow());

        fx.worker.advance(1);

        assertThat(fx.layer.dialogsOf(CALL_ID)).isEmpty();
    }

    @Test
    void anEndedDialogTakesNoNewLifetimeAndIsStillForgottenAfterTheLinger() {
        DialogLayerFixture fx = new DialogLayerFixture();
        fx.establishedCall();
        // Routing code that sets the lifetime on every request inside a dialog, the BYE included.
        RelayedRequest bye = fx.inDialog(fromAlice("BYE", INVITE_CSEQ + 1, BOB_A.tag()).buildRequest(), ALICE_FLOW);

        assertThat(fx.layer.setDialogTimeout(bye.context(), TIMEOUT_S)).isFalse();

        fx.worker.advance(LINGER_MS);
        assertThat(fx.layer.dialogsOf(CALL_ID)).isEmpty();
    }
}
