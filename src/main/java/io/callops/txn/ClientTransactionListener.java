package io.callops.txn;

import io.callops.sip.SipResponse;

/** What a client transaction tells its owner. Called on the owning worker. */
public interface ClientTransactionListener {

    void onProvisional(ClientTransaction transaction, SipResponse response);

    /** The first final response. */
    void onFinal(ClientTransaction transaction, SipResponse response);

    /** A retransmitted 2xx to an INVITE (RFC 6026 Accepted state): a proxy forwards it upstream. */
    default void onRetransmitted2xx(ClientTransaction transaction, SipResponse response) {
    }

    /** Timer B or F fired before a final response. */
    void onTimeout(ClientTransaction transaction);

    /** The request could not be sent (RFC 3261 §17.1.4: treated as a 503 by the owner). */
    void onTransportError(ClientTransaction transaction, Throwable error);
}
