package io.callops.proxy;

import io.callops.sip.SipRequest;
import io.callops.sip.SipResponse;
import io.callops.txn.ClientTransaction;
import io.callops.txn.TimerHandle;

/** One forwarded copy of a request (RFC 3261 §16.6) and what became of it. */
final class Branch {
    enum State { RESOLVING, SENT, DONE }

    final Target target;
    SipRequest request;            // the copy as sent (with our Via)
    ClientTransaction transaction;
    State state = State.RESOLVING;
    TimerHandle timerC = TimerHandle.NONE;
    boolean provisionalSeen;       // a CANCEL may be sent only after one (§9.1)
    boolean cancelWanted;          // CANCEL as soon as that is allowed
    boolean cancelSent;
    boolean timedOutByTimerC;      // its result is 408 whatever the CANCEL brings back
    int finalCode;                 // 0 until final
    String finalReason;
    SipResponse finalResponse;     // from the network, or null when we made the result up
    SipRequest beforeSizeSwitch;   // set when moved from UDP to TCP for its size: the copy to retry over UDP

    Branch(Target target) {
        this.target = target;
    }

    boolean isFinal() {
        return state == State.DONE;
    }

    void finish(int code, String reason, SipResponse fromNetwork) {
        state = State.DONE;
        timerC.cancel();
        timerC = TimerHandle.NONE; // the branch lingers with its transaction; the timer need not
        finalCode = code;
        finalReason = reason;
        finalResponse = fromNetwork;
    }
}
