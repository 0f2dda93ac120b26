package io.callops.dialog;

import static io.callops.dialog.CallMessages.ALICE_FLOW;
import static io.callops.dialog.CallMessages.BOB_A;
import static io.callops.dialog.CallMessages.INVITE_CSEQ;
import static io.callops.dialog.CallMessages.answer;
import static io.callops.dialog.CallMessages.fromAlice;
import static org.assertj.core.api.Assertions.assertThat;

import io.callops.dialog.store.DialogRecord;
import org.junit.jupiter.api.Test;

/** What the store hears of a dialog: confirmed dialogs with their values, and the end of them. */
class DialogStateMachineStoreTest {
    private final DialogLayerFixture fx = new DialogLayerFixture();

    @Test
    void aDialogIsWrittenOnlyOnceConfirmed() {
        RelayedRequest invite = fx.invite(null);
        invite.respond(answer(invite.sent(), 180, BOB_A, null), BOB_A.flow());
        assertThat(fx.store.saved()).isEmpty(); // its INVITE would not survive a restart anyway

        invite.respond(answer(invite.sent(), 200, BOB_A, null), BOB_A.flow());

        DialogRecord r = fx.store.lastSaved();
        assertThat(r.id()).isEqualTo(fx.dialog().id());
        assertThat(r.state()).isEqualTo(3);
        assertThat(r.callee().tag()).isEqualTo(BOB_A.tag());
        assertThat(r.callee().routeSet()).isEqualTo(fx.dialog().callee().routeSet());
        assertThat(r.expiresEpochMs()).isEqualTo(fx.dialog().expiresEpochMs());
    }

    @Test
    void dialogValuesAreSetAndPersisted() {
        RelayedRequest invite = fx.invite(null);
        // Set while routing the INVITE: kept, and written with the dialog once it is confirmed.
        assertThat(fx.layer.setDialogValue(invite.context(), "account", "acme")).isTrue();
        invite.respond(answer(invite.sent(), 200, BOB_A, null), BOB_A.flow());
        fx.ack(CallMessages.ack(INVITE_CSEQ, BOB_A.tag(), null));
        assertThat(fx.store.lastSaved().values()).containsEntry("account", "acme");

        RelayedRequest info = fx.inDialog(fromAlice("INFO", INVITE_CSEQ + 1, BOB_A.tag()).buildRequest(), ALICE_FLOW);
        int before = fx.store.saved().size();
        assertThat(fx.layer.setDialogValue(info.context(), "credit", 25)).isTrue();

        // Each change is written at once; an int from routing code is kept as a Long.
        assertThat(fx.store.saved()).hasSize(before + 1);
        assertThat(fx.store.lastSaved().values()).containsEntry("account", "acme").containsEntry("credit", 25L);
        assertThat(fx.layer.dialogValue(info.context(), "credit")).isEqualTo(25L);
    }

    @Test
    void removingAValueWithNullIsPersistedToo() {
        Dialog d = fx.establishedCall();
        fx.layer.setValue(d, "account", "acme");
        assertThat(fx.store.lastSaved().values()).containsEntry("account", "acme");

        fx.layer.setValue(d, "account", null);

        assertThat(d.value("account")).isNull();
        assertThat(fx.store.lastSaved().values()).doesNotContainKey("account");
    }

    @Test
    void aRequestOfNoDialogHasNoValues() {
        fx.establishedCall();
        RoutedRequest stranger = new RoutedRequest(fromAlice("INFO", INVITE_CSEQ + 1, "bob-z").buildRequest(), ALICE_FLOW);

        assertThat(fx.layer.setDialogValue(stranger, "account", "acme")).isFalse();
        assertThat(fx.layer.dialogValue(stranger, "account")).isNull();
    }

    @Test
    void anEndedDialogIsDeletedFromTheStore() {
        Dialog d = fx.establishedCall();
        fx.inDialog(fromAlice("BYE", INVITE_CSEQ + 1, BOB_A.tag()).buildRequest(), ALICE_FLOW);

        assertThat(fx.store.deleted()).containsExactly(d.id());
    }

    @Test
    void aNewLifetimeIsPersistedWithItsExpiry() {
        Dialog d = fx.establishedCall();
        fx.worker.advance(1_000);
        RelayedRequest info = fx.inDialog(fromAlice("INFO", INVITE_CSEQ + 1, BOB_A.tag()).buildRequest(), ALICE_FLOW);

        assertThat(fx.layer.setDialogTimeout(info.context(), 7200)).isTrue();

        assertThat(fx.store.lastSaved().timeoutS()).isEqualTo(7200);
        assertThat(fx.store.lastSaved().expiresEpochMs()).isEqualTo(ManualWorker.START_EPOCH_MS + 1_000 + 7_200_000);
        assertThat(d.expiresEpochMs()).isEqualTo(fx.store.lastSaved().expiresEpochMs());
    }
}
