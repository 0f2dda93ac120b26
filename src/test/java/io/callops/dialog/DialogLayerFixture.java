package io.callops.dialog;

import static io.callops.dialog.CallMessages.ALICE_FLOW;
import static io.callops.dialog.CallMessages.BOB_A;
import static io.callops.dialog.CallMessages.CALL_ID;
import static io.callops.dialog.CallMessages.INVITE_CSEQ;
import static io.callops.dialog.CallMessages.sdp;

import io.callops.proxy.OurAddresses;
import io.callops.proxy.ProxyServices;
import io.callops.proxy.ProxySettings;
import io.callops.proxy.RelayWatcher;
import io.callops.proxy.RouteTable;
import io.callops.sip.RequestValidator;
import io.callops.sip.SipRequest;
import io.callops.transport.Flow;
import io.callops.txn.TimerSettings;
import io.callops.txn.TransactionLayer;
import io.callops.txn.TxnStats;
import java.util.List;
import java.util.Set;

/**
 * One worker's real dialog layer over fakes: time that moves only when told
 * ({@link ManualWorker}), a transport that keeps what it is asked to send, and a recording
 * event sink and store. The proxy core's part is played by the test through the layer's
 * {@code CallTracker} methods and the watchers they return.
 */
final class DialogLayerFixture {
    static final int TIMEOUT_S = 60;
    static final long LINGER_MS = 5_000;
    static final DialogSettings SETTINGS = settings(true, false);

    final ManualWorker worker = new ManualWorker();
    final RecordingTransport transport = new RecordingTransport();
    final RecordingEvents events = new RecordingEvents();
    final RecordingDialogStore store;
    final DialogStats stats = new DialogStats();
    final DialogLayer layer;

    DialogLayerFixture() {
        this(SETTINGS);
    }

    DialogLayerFixture(DialogSettings settings) {
        this(settings, new RecordingDialogStore());
    }

    DialogLayerFixture(DialogSettings settings, RecordingDialogStore store) {
        this.store = store;
        // Resolver, router and locator stay out: every leg here has a flow, so nothing is resolved or routed.
        ProxyServices services = new ProxyServices(transport, new OurAddresses(transport.listenAddresses(), Set.of()),
                RouteTable.empty(), null, null, null, new RequestValidator(Set.of()), ProxySettings.DEFAULT);
        TransactionLayer transactions = new TransactionLayer(worker, transport, TimerSettings.DEFAULT, new TxnStats());
        layer = new DialogLayer(worker, transactions, services, settings, store, events, worker.clock(), List.of(), stats);
    }

    /** A {@value #TIMEOUT_S} s lifetime and a {@value #LINGER_MS} ms linger, with these two switches. */
    static DialogSettings settings(boolean byeOnTimeout, boolean refreshOnTraffic) {
        return new DialogSettings(TIMEOUT_S, byeOnTimeout, refreshOnTraffic, LINGER_MS, 10_000, 3);
    }

    /** alice's INVITE (with this offer, or none), made a dialog by routing and relayed towards bob. */
    RelayedRequest invite(String sdp) {
        RoutedRequest ctx = new RoutedRequest(CallMessages.invite(sdp), ALICE_FLOW);
        return new RelayedRequest(ctx, layer.createDialog(ctx));
    }

    /** A request with a To tag as the proxy core hands it over; null when it belongs to no dialog. */
    RelayedRequest inDialog(SipRequest request, Flow from) {
        RoutedRequest ctx = new RoutedRequest(request, from);
        RelayWatcher w = layer.onInDialogRequest(ctx);
        return w == null ? null : new RelayedRequest(ctx, w);
    }

    /** An ACK for a 2xx from alice, about to be forwarded end to end. */
    void ack(SipRequest ack) {
        layer.onAck(ack, ALICE_FLOW);
    }

    /** The call's dialog: the live one, or else the last that ended. */
    Dialog dialog() {
        return layer.latestDialog(CALL_ID);
    }

    /** alice calls with an offer, bob's first phone answers, alice ACKs: a dialog in state 4. */
    Dialog establishedCall() {
        RelayedRequest invite = invite(sdp("alice", 1));
        invite.respond(CallMessages.answer(invite.sent(), 200, BOB_A, sdp("bob", 1)), BOB_A.flow());
        ack(CallMessages.ack(INVITE_CSEQ, BOB_A.tag(), null));
        return dialog();
    }
}
