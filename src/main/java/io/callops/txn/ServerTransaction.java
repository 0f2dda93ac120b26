package io.callops.txn;

import io.callops.sip.SipMethod;
import io.callops.sip.SipRequest;
import io.callops.sip.SipResponse;
import io.callops.transport.Flow;
import io.callops.transport.SendResult;

/**
 * A server transaction (RFC 3261 §17.2): absorbs retransmitted requests, answering them with
 * the last response, and retransmits final responses to INVITE over unreliable transports
 * until the ACK comes. The 2xx to an INVITE moves it to the Accepted state of RFC 6026, where
 * 2xx retransmissions from downstream still pass through it.
 */
public final class ServerTransaction {
    public enum State { TRYING, PROCEEDING, COMPLETED, CONFIRMED, ACCEPTED, TERMINATED }

    private final TransactionLayer layer;
    private final String key;
    private SipRequest request;      // released once a final response went out
    private final Flow arrival;
    private final Flow responseFlow;
    private final boolean invite;
    private State state;
    private byte[] lastResponse;
    private int lastStatus;
    private TimerHandle retransmitTimer = TimerHandle.NONE;
    private TimerHandle endTimer = TimerHandle.NONE;
    private long retransmitInterval;
    private Object owner; // the proxy's context for this request

    ServerTransaction(TransactionLayer layer, String key, SipRequest request, Flow arrival) {
        this.layer = layer;
        this.key = key;
        this.request = request;
        this.arrival = arrival;
        this.responseFlow = ResponseRouting.responseFlow(request, arrival);
        this.invite = request.isMethod(SipMethod.INVITE);
        this.state = invite ? State.PROCEEDING : State.TRYING;
    }

    /** The request, until a final response was sent (then null: only its answer is kept). */
    public SipRequest request() {
        return request;
    }

    /** The flow the request arrived on. */
    public Flow flow() {
        return arrival;
    }

    public State state() {
        return state;
    }

    public boolean isInvite() {
        return invite;
    }

    /** The status code of the last response sent, 0 if none. */
    public int lastStatus() {
        return lastStatus;
    }

    public boolean hasFinalResponse() {
        return lastStatus >= 200;
    }

    public Object owner() {
        return owner;
    }

    public void setOwner(Object owner) {
        this.owner = owner;
    }

    String key() {
        return key;
    }

    /**
     * Sends a response through the transaction. A provisional after a final, or a second
     * final other than a 2xx retransmission to an INVITE, is refused (returns false).
     */
    public boolean respond(SipResponse response) {
        int code = response.statusCode();
        switch (state) {
            case TRYING:
            case PROCEEDING:
                break;
            case ACCEPTED:
                if (code >= 200 && code < 300) {
                    send(response.toBytes()); // a 2xx retransmission from downstream
                    return true;
                }
                return false;
            default:
                return false;
        }
        byte[] bytes = response.toBytes();
        lastResponse = bytes;
        lastStatus = code;
        send(bytes);
        if (code < 200) {
            state = State.PROCEEDING;
            return true;
        }
        // A completed transaction lingers for up to 64*T1 only to answer retransmissions:
        // keeping the request and its owner that long would hold every call's state in memory.
        request = null;
        owner = null;
        TimerSettings t = layer.timers();
        boolean unreliable = !arrival.transport().reliable();
        if (invite && code < 300) {
            state = State.ACCEPTED;
            lastResponse = null; // RFC 6026: INVITE retransmissions are absorbed, not answered, from here on
            endTimer = layer.worker().schedule(this::terminate, t.transactionTimeout()); // timer L
        } else if (invite) {
            state = State.COMPLETED;
            if (unreliable) {
                retransmitInterval = t.t1();
                retransmitTimer = layer.worker().schedule(this::timerG, retransmitInterval);
            }
            endTimer = layer.worker().schedule(this::timerH, t.transactionTimeout());
        } else {
            state = State.COMPLETED;
            endTimer = layer.worker().schedule(this::terminate, unreliable ? t.transactionTimeout() : 0); // timer J
        }
        return true;
    }

    /** A retransmission of the request arrived. */
    void onRetransmission() {
        layer.stats().retransmissionsAbsorbed.increment();
        if ((state == State.PROCEEDING || state == State.COMPLETED) && lastResponse != null) {
            send(lastResponse);
        }
    }

    /** The ACK for our non-2xx final response (§17.2.1). */
    void onAck() {
        if (state != State.COMPLETED) {
            layer.stats().retransmissionsAbsorbed.increment();
            return;
        }
        state = State.CONFIRMED;
        retransmitTimer.cancel();
        retransmitTimer = TimerHandle.NONE;
        endTimer.cancel();
        endTimer = layer.worker().schedule(this::terminate, arrival.transport().reliable() ? 0 : layer.timers().t4());
    }

    private void timerG() {
        if (state != State.COMPLETED) return;
        layer.stats().retransmissionsSent.increment();
        send(lastResponse);
        retransmitInterval = Math.min(retransmitInterval * 2, layer.timers().t2());
        retransmitTimer = layer.worker().schedule(this::timerG, retransmitInterval);
    }

    private void timerH() {
        if (state == State.COMPLETED) {
            layer.stats().timeouts.increment(); // the ACK never came
        }
        terminate();
    }

    private void send(byte[] bytes) {
        layer.transport().send(responseFlow, bytes, SendResult.IGNORE);
    }

    void terminate() {
        if (state == State.TERMINATED) return;
        state = State.TERMINATED;
        retransmitTimer.cancel();
        endTimer.cancel();
        layer.removeServer(this);
    }
}
