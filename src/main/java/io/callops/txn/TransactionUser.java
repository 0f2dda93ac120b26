package io.callops.txn;

import io.callops.sip.SipRequest;
import io.callops.sip.SipResponse;
import io.callops.transport.Flow;

/** The layer above the transactions (the proxy core): told what the transactions let through. */
public interface TransactionUser {

    /**
     * A new request (not a retransmission) with its server transaction; CANCEL arrives here
     * too, with {@link TransactionLayer#findInviteFor(SipRequest)} to find what it cancels.
     */
    void onRequest(ServerTransaction transaction, SipRequest request);

    /** An ACK that matches no INVITE server transaction: the ACK for a 2xx, routed end to end. */
    void onAck(SipRequest ack, Flow flow);

    /** A response that matches no client transaction (RFC 3261 §16.7: forwarded statelessly). */
    void onStrayResponse(SipResponse response, Flow flow);
}
