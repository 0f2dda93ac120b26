package io.callops.dialog;

import io.callops.proxy.RelayWatcher;
import io.callops.sip.HeaderName;
import io.callops.sip.SipRequest;
import io.callops.sip.SipResponse;
import io.callops.transport.Flow;

/**
 * One request relayed by the proxy, played through the watcher the dialog layer returned
 * for it in the order the proxy calls it: attached, the copy before it leaves, then each
 * response from the branch and what goes upstream.
 */
final class RelayedRequest {
    private final RoutedRequest context;
    private final RelayWatcher watcher;
    private final SipRequest sent;
    private int cancels;

    RelayedRequest(RoutedRequest context, RelayWatcher watcher) {
        this.context = context;
        this.watcher = watcher;
        watcher.attached(() -> cancels++);
        this.sent = context.request().copy();
        watcher.beforeSend(sent);
    }

    RoutedRequest context() {
        return context;
    }

    /** The copy that went out on the branch, as the dialog layer left it (CSeq renumbered, say). */
    SipRequest sent() {
        return sent;
    }

    /**
     * A response from the branch, relayed upstream; a final one is then the answer sent
     * upstream (true of every 2xx, and of a failure on the only branch).
     */
    void respond(SipResponse response, Flow from) {
        watcher.onBranchResponse(sent, response, from);
        SipResponse up = response.copy();
        up.removeFirstValue(HeaderName.VIA);
        watcher.beforeUpstream(up);
        if (response.statusCode() >= 200) watcher.onFinalSent(up);
    }

    /** How often the dialog layer asked for the request's branches to be cancelled. */
    int cancels() {
        return cancels;
    }
}
