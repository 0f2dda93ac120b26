package io.callops.txn;

import io.callops.sip.HeaderName;
import io.callops.sip.MessageBuilder;
import io.callops.sip.SipMethod;
import io.callops.sip.SipRequest;
import io.callops.sip.SipResponse;
import io.callops.transport.Flow;

/**
 * A client transaction (RFC 3261 §17.1): sends a request, retransmits it over unreliable
 * transports (timers A and E), gives up after 64*T1 (timers B and F), ACKs non-2xx final
 * responses to INVITE hop by hop and absorbs their retransmissions (timer D), and keeps an
 * INVITE transaction that got a 2xx in the Accepted state of RFC 6026 (timer M) so that 2xx
 * retransmissions reach its owner.
 */
public final class ClientTransaction {
    public enum State { CALLING, TRYING, PROCEEDING, COMPLETED, ACCEPTED, TERMINATED }

    private final TransactionLayer layer;
    private final String key;
    private SipRequest request;      // released once a final response came
    private byte[] bytes;
    private final Destination destination;
    /** The owner; let go once nothing more can reach it (Completed), so it does not linger with us. */
    private ClientTransactionListener listener;
    private final boolean invite;
    private State state;
    private Flow flow;             // the flow the request actually left on
    private byte[] ack;            // our ACK for a non-2xx final response
    private TimerHandle retransmitTimer = TimerHandle.NONE;
    private TimerHandle timeoutTimer = TimerHandle.NONE;
    private TimerHandle endTimer = TimerHandle.NONE;
    private long retransmitInterval;
    private int lastStatus;

    ClientTransaction(TransactionLayer layer, String key, SipRequest request, byte[] bytes, Destination destination,
                      ClientTransactionListener listener) {
        this.layer = layer;
        this.key = key;
        this.request = request;
        this.bytes = bytes;
        this.destination = destination;
        this.listener = listener;
        this.invite = request.isMethod(SipMethod.INVITE);
        this.state = invite ? State.CALLING : State.TRYING;
        this.flow = destination.flow();
    }

    public SipRequest request() {
        return request;
    }

    public Destination destination() {
        return destination;
    }

    /** The flow the request left on (null until the transport reported it). */
    public Flow flow() {
        return flow;
    }

    public State state() {
        return state;
    }

    /** The status of the last response received, 0 if none. */
    public int lastStatus() {
        return lastStatus;
    }

    public boolean isInvite() {
        return invite;
    }

    String key() {
        return key;
    }

    void start() {
        transmit();
        TimerSettings t = layer.timers();
        if (!destination.transport().reliable()) {
            retransmitInterval = t.t1();
            retransmitTimer = layer.worker().schedule(this::retransmit, retransmitInterval);
        }
        timeoutTimer = layer.worker().schedule(this::timeout, t.transactionTimeout());
    }

    private void transmit() {
        Worker w = layer.worker();
        layer.send(destination, bytes, (usedFlow, error) -> {
            // Success is usually reported on this very worker (its own socket): no task needed.
            // An error is always queued, so the owner hears of it only after sendRequest returned.
            if (error == null && w.inWorker()) {
                onSent(usedFlow, null);
            } else {
                w.execute(() -> onSent(usedFlow, error));
            }
        });
    }

    private void onSent(Flow usedFlow, Throwable error) {
        if (error != null) {
            onTransportError(error);
        } else if (usedFlow != null) {
            flow = usedFlow;
        }
    }

    /** Timers A and E: double the interval each time; E (non-INVITE) is capped at T2. */
    private void retransmit() {
        boolean active = invite ? state == State.CALLING : (state == State.TRYING || state == State.PROCEEDING);
        if (!active) return;
        layer.stats().retransmissionsSent.increment();
        transmit();
        if (invite) {
            retransmitInterval = retransmitInterval * 2;
        } else {
            retransmitInterval = state == State.PROCEEDING ? layer.timers().t2()
                    : Math.min(retransmitInterval * 2, layer.timers().t2());
        }
        retransmitTimer = layer.worker().schedule(this::retransmit, retransmitInterval);
    }

    private void timeout() {
        // Timer B applies only in Calling (§17.1.1.2): once a provisional came, the proxy's
        // timer C decides. Timer F applies in Trying and Proceeding.
        if (state == State.CALLING || state == State.TRYING || state == State.PROCEEDING && !invite) {
            layer.stats().timeouts.increment();
            terminate();
            listener.onTimeout(this);
        }
    }

    private void onTransportError(Throwable error) {
        if (state == State.TERMINATED || lastStatus >= 200) return;
        layer.stats().transportErrors.increment();
        terminate();
        listener.onTransportError(this, error);
    }

    void onResponse(SipResponse r) {
        int code = r.statusCode();
        switch (state) {
            case CALLING:
            case TRYING:
            case PROCEEDING:
                lastStatus = code;
                if (code < 200) {
                    if (state == State.CALLING) {
                        retransmitTimer.cancel(); // timer A stops; E goes on at T2 (§17.1.2.2)
                        retransmitTimer = TimerHandle.NONE;
                    }
                    state = State.PROCEEDING;
                    listener.onProvisional(this, r);
                    return;
                }
                // Dropping the handles lets the cancelled timers go now, not with this lingering transaction.
                retransmitTimer.cancel();
                retransmitTimer = TimerHandle.NONE;
                timeoutTimer.cancel();
                timeoutTimer = TimerHandle.NONE;
                completeWith(r);
                ClientTransactionListener owner = listener;
                if (state == State.COMPLETED) {
                    // Completed only absorbs retransmissions (and repeats our ACK): the owner hears
                    // nothing more, and its request, branches and targets can die young instead of
                    // being kept for timer D or K. Accepted still forwards 2xx retransmissions to it.
                    listener = null;
                }
                owner.onFinal(this, r);
                return;
            case COMPLETED:
                if (invite && code >= 300 && ack != null) {
                    layer.stats().retransmissionsAbsorbed.increment();
                    layer.send(flow != null ? Destination.of(flow) : destination, ack, null);
                }
                return;
            case ACCEPTED:
                if (code >= 200 && code < 300) {
                    listener.onRetransmitted2xx(this, r);
                }
                return;
            default:
        }
    }

    private void completeWith(SipResponse r) {
        TimerSettings t = layer.timers();
        SipRequest sent = request;
        // Nothing is retransmitted any more; what lingers is the ACK and, in Accepted, the listener.
        request = null;
        bytes = null;
        boolean unreliable = !destination.transport().reliable();
        int code = r.statusCode();
        if (invite && code < 300) {
            state = State.ACCEPTED;
            endTimer = layer.worker().schedule(this::terminate, t.transactionTimeout()); // timer M
        } else if (invite) {
            state = State.COMPLETED;
            ack = buildAck(sent, r).toBytes();
            layer.send(flow != null ? Destination.of(flow) : destination, ack, null);
            endTimer = layer.worker().schedule(this::terminate, unreliable ? 32_000 : 0); // timer D
        } else {
            state = State.COMPLETED;
            endTimer = layer.worker().schedule(this::terminate, unreliable ? t.t4() : 0); // timer K
        }
    }

    /** The ACK for a non-2xx final response (§17.1.1.3). */
    private static SipRequest buildAck(SipRequest request, SipResponse r) {
        MessageBuilder b = MessageBuilder.request(SipMethod.ACK, request.requestUri());
        b.header(HeaderName.VIA, request.firstValue(HeaderName.VIA));
        for (String route : request.headerLines(HeaderName.ROUTE)) {
            b.header(HeaderName.ROUTE, route);
        }
        b.header(HeaderName.MAX_FORWARDS, "70");
        b.header(HeaderName.FROM, request.header(HeaderName.FROM));
        b.header(HeaderName.TO, r.header(HeaderName.TO));
        b.header(HeaderName.CALL_ID, request.header(HeaderName.CALL_ID));
        b.header(HeaderName.CSEQ, request.cseqNumber() + " ACK");
        return b.buildRequest();
    }

    /** Whether the owner is still held: only until the last thing that can reach it has passed. */
    boolean holdsOwner() {
        return listener != null;
    }

    /** Ends the transaction without waiting (used when the owner gives up on a branch). */
    public void terminate() {
        if (state == State.TERMINATED) return;
        state = State.TERMINATED;
        retransmitTimer.cancel();
        timeoutTimer.cancel();
        endTimer.cancel();
        layer.removeClient(this);
    }
}
