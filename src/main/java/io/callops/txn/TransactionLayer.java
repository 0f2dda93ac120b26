package io.callops.txn;

import io.callops.sip.SipMethod;
import io.callops.sip.SipRequest;
import io.callops.sip.SipResponse;
import io.callops.transport.Flow;
import io.callops.transport.SendResult;
import io.callops.transport.SipTransport;
import java.util.HashMap;
import java.util.Map;

/**
 * The transactions of one worker. Every message of a call reaches the same worker, so the
 * tables are plain maps touched by one thread only.
 */
public final class TransactionLayer {
    private final Worker worker;
    private final SipTransport transport;
    private final TimerSettings timers;
    private final TxnStats stats;
    private TransactionUser user;
    private final Map<String, ServerTransaction> servers = new HashMap<>();
    private final Map<String, ClientTransaction> clients = new HashMap<>();

    public TransactionLayer(Worker worker, SipTransport transport, TimerSettings timers, TxnStats stats) {
        this.worker = worker;
        this.transport = transport;
        this.timers = timers;
        this.stats = stats;
    }

    public void setUser(TransactionUser user) {
        this.user = user;
    }

    public Worker worker() {
        return worker;
    }

    public TimerSettings timers() {
        return timers;
    }

    SipTransport transport() {
        return transport;
    }

    TxnStats stats() {
        return stats;
    }

    /** A request from the network, on this worker. */
    public void onRequest(SipRequest request, Flow flow) {
        String key = TransactionKeys.serverKey(request);
        ServerTransaction existing = servers.get(key);
        if (request.isMethod(SipMethod.ACK)) {
            if (existing != null && existing.isInvite() && existing.lastStatus() >= 300) {
                existing.onAck();
            } else {
                user.onAck(request, flow);
            }
            return;
        }
        if (existing != null) {
            existing.onRetransmission();
            return;
        }
        ServerTransaction st = new ServerTransaction(this, key, request, flow);
        servers.put(key, st);
        stats.serverTransactions.increment();
        stats.activeServer.increment();
        user.onRequest(st, request);
    }

    /** A response from the network, on this worker. */
    public void onResponse(SipResponse response, Flow flow) {
        ClientTransaction ct = clients.get(TransactionKeys.clientKey(response));
        if (ct != null) {
            ct.onResponse(response);
        } else {
            user.onStrayResponse(response, flow);
        }
    }

    /** The INVITE server transaction a CANCEL refers to (§9.2), or null. */
    public ServerTransaction findInviteFor(SipRequest cancel) {
        return servers.get(TransactionKeys.serverKey(cancel, SipMethod.INVITE));
    }

    /** Starts a client transaction for {@code request}, whose top Via carries our branch. */
    public ClientTransaction sendRequest(SipRequest request, Destination destination, ClientTransactionListener listener) {
        return sendRequest(request, request.toBytes(), destination, listener);
    }

    /** As above, with the request already written (callers that measured its size). */
    public ClientTransaction sendRequest(SipRequest request, byte[] bytes, Destination destination,
                                         ClientTransactionListener listener) {
        String key = TransactionKeys.clientKey(request);
        ClientTransaction ct = new ClientTransaction(this, key, request, bytes, destination, listener);
        ClientTransaction previous = clients.get(key);
        if (previous != null) {
            previous.terminate(); // a reused branch replaces the old transaction
        }
        clients.put(key, ct);
        stats.clientTransactions.increment();
        stats.activeClient.increment();
        ct.start();
        return ct;
    }

    /** Sends bytes outside any transaction (ACK for 2xx, stateless responses). */
    public void sendStateless(Destination destination, byte[] bytes) {
        send(destination, bytes, null);
    }

    void send(Destination d, byte[] bytes, SendResult result) {
        SendResult r = result == null ? SendResult.IGNORE : result;
        if (d.flow() != null) {
            transport.send(d.flow(), bytes, r);
        } else {
            transport.send(d.transport(), d.address(), bytes, r);
        }
    }

    void removeServer(ServerTransaction st) {
        if (servers.remove(st.key(), st)) {
            stats.activeServer.decrement();
        }
    }

    void removeClient(ClientTransaction ct) {
        if (clients.remove(ct.key(), ct)) {
            stats.activeClient.decrement();
        }
    }

    public int serverCount() {
        return servers.size();
    }

    public int clientCount() {
        return clients.size();
    }
}
