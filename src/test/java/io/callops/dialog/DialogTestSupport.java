package io.callops.dialog;

import io.callops.testsupport.TestProxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Reaches into a test proxy's dialogs the way call operations do: on the call's worker. */
final class DialogTestSupport {
    private DialogTestSupport() {
    }

    /** Waits until a dialog is confirmed (ACKed) and returns its Call-ID. */
    static String awaitConfirmedCall(TestProxy proxy, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> confirmed = proxy.server().dialogs().onEach(l -> l.all().stream()
                    .filter(d -> d.state() == DialogState.CONFIRMED).map(Dialog::callId).toList())
                    .get(5, TimeUnit.SECONDS);
            if (!confirmed.isEmpty()) return confirmed.get(0);
            Thread.sleep(20);
        }
        throw new AssertionError("no confirmed dialog within " + timeout);
    }

    /** Sends a request into the call's live dialog and waits for its outcome. */
    static RequestOutcome send(TestProxy proxy, String callId, OutgoingRequest request) throws Exception {
        CompletableFuture<RequestOutcome> outcome = new CompletableFuture<>();
        OutgoingRequest r = new OutgoingRequest(request.towards(), request.method(), request.body(),
                request.contentType(), request.extraHeaders(), outcome::complete);
        proxy.server().dialogs().onCall(callId, layer -> {
            Dialog d = layer.liveDialog(callId);
            if (d == null) {
                outcome.completeExceptionally(new AssertionError("no dialog for " + callId));
            } else {
                layer.requests().send(d, r);
            }
            return null;
        }).get(5, TimeUnit.SECONDS);
        return outcome.get(40, TimeUnit.SECONDS);
    }
}
