package io.callops.dialog;

import static io.callops.dialog.CallMessages.ALICE_CONTACT;
import static io.callops.dialog.CallMessages.ALICE_FLOW;
import static io.callops.dialog.CallMessages.BOB_A;
import static io.callops.dialog.CallMessages.CALL_ID;
import static io.callops.dialog.CallMessages.INVITE_CSEQ;
import static io.callops.dialog.CallMessages.answer;
import static io.callops.dialog.CallMessages.fromAlice;
import static io.callops.dialog.DialogLayerFixture.TIMEOUT_S;
import static org.assertj.core.api.Assertions.assertThat;

import io.callops.dialog.store.DialogRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dialogs taken back from the store at start ({@code DialogLayer.recover}): a confirmed one
 * lives on until its stored expiry, an expired one is ended with BYEs, and one that was not
 * confirmed is dropped from the store.
 */
class DialogStateMachineRecoveryTest {
    private static final long LIFETIME_MS = TIMEOUT_S * 1000L;

    /** What a first run stored of an established call with a value, as the last save before it died. */
    private static DialogRecord storedCall() {
        DialogLayerFixture first = new DialogLayerFixture();
        Dialog d = first.establishedCall();
        first.layer.setValue(d, "account", "acme");
        return first.store.lastSaved();
    }

    /** A second run that starts {@code laterMs} after the first stored its call. */
    private static DialogLayerFixture restartedAfter(long laterMs, DialogRecord record) {
        DialogLayerFixture second = new DialogLayerFixture(DialogLayerFixture.SETTINGS,
                new RecordingDialogStore(List.of(record)));
        second.worker.advance(laterMs);
        second.store.loadAll().forEach(second.layer::recover);
        return second;
    }

    @Test
    void aRecoveredConfirmedDialogRoutesRequestsAgain() {
        DialogLayerFixture fx = restartedAfter(10_000, storedCall());

        Dialog d = fx.dialog();
        assertThat(d.state()).isEqualTo(DialogState.CONFIRMED);
        assertThat(d.caller().contact()).isEqualTo(ALICE_CONTACT);
        assertThat(d.callee().flow().remote()).isEqualTo(BOB_A.flow().remote());
        assertThat(d.value("account")).isEqualTo("acme");
        assertThat(fx.inDialog(fromAlice("INFO", INVITE_CSEQ + 1, BOB_A.tag()).buildRequest(), ALICE_FLOW)).isNotNull();
        assertThat(fx.stats.recovered.sum()).isEqualTo(1);
    }

    @Test
    void aRecoveredDialogEndsWhenItsStoredLifetimeEnds() {
        DialogLayerFixture fx = restartedAfter(10_000, storedCall());

        fx.worker.advance(LIFETIME_MS - 10_000 - 1);
        assertThat(fx.dialog().state()).isEqualTo(DialogState.CONFIRMED);
        assertThat(fx.transport.requests("BYE")).isEmpty();

        fx.worker.advance(1);
        assertThat(fx.dialog().state()).isEqualTo(DialogState.DELETED);
        assertThat(fx.transport.requests("BYE")).hasSize(2);
    }

    @Test
    void aRecoveredDialogWhoseLifetimeEndedWhileDownIsEndedWithAByeToEachLeg() {
        DialogRecord stored = storedCall();
        DialogLayerFixture fx = restartedAfter(LIFETIME_MS + 1, stored);

        assertThat(fx.dialog().state()).isEqualTo(DialogState.DELETED);
        assertThat(fx.transport.requests("BYE")).extracting(s -> s.to())
                .containsExactlyInAnyOrder(ALICE_FLOW.remote(), BOB_A.flow().remote());
        assertThat(fx.store.deleted()).containsExactly(stored.id());
        assertThat(fx.events.transitions()).containsExactly("4>5");
    }

    @Test
    void aStoredDialogThatWasNotConfirmedIsDeletedNotRecovered() {
        DialogLayerFixture first = new DialogLayerFixture();
        RelayedRequest invite = first.invite(null);
        invite.respond(answer(invite.sent(), 200, BOB_A, null), BOB_A.flow());
        DialogRecord confirmed = first.store.lastSaved();
        // A record of state 2, as an older release or a crash between writes could leave one.
        DialogRecord early = new DialogRecord(confirmed.id(), confirmed.callId(), DialogState.EARLY.code(),
                confirmed.startEpochMs(), confirmed.expiresEpochMs(), confirmed.timeoutS(), confirmed.byeOnTimeout(),
                confirmed.caller(), confirmed.callee(), confirmed.values(), confirmed.initialCseq());

        DialogLayerFixture fx = restartedAfter(1_000, early);

        assertThat(fx.layer.dialogsOf(CALL_ID)).isEmpty();
        assertThat(fx.store.deleted()).containsExactly(early.id());
        assertThat(fx.transport.all()).isEmpty();
    }

    @Test
    void aDialogRecoveredTwiceIsKeptOnce() {
        DialogRecord stored = storedCall();
        DialogLayerFixture fx = restartedAfter(1_000, stored);

        fx.layer.recover(stored);

        assertThat(fx.layer.dialogsOf(CALL_ID)).hasSize(1);
        assertThat(fx.stats.recovered.sum()).isEqualTo(1);
    }
}
