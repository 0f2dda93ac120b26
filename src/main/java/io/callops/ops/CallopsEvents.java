package io.callops.ops;

import io.callops.api.EventSink;
import io.callops.api.EventType;
import java.util.List;

/** The events of call operations, with the parameters (all strings) in the reference's order. */
public final class CallopsEvents {
    /** A transfer's progress: {@code state} is {@code start}, {@code notify}, {@code ok} or {@code fail}. */
    public static final EventType CALL_TRANSFER = new EventType("E_CALL_TRANSFER",
            List.of("callid", "leg", "transfer_callid", "destination", "state", "status"));

    /** A hold or unhold of one leg: {@code action} hold/unhold, {@code state} start/ok/fail. */
    public static final EventType CALL_HOLD = new EventType("E_CALL_HOLD",
            List.of("callid", "leg", "action", "state"));

    private CallopsEvents() {
    }

    public static void declare(EventSink sink) {
        sink.declare(CALL_TRANSFER);
        sink.declare(CALL_HOLD);
    }

    /** Raises E_CALL_HOLD when someone listens. */
    public static void hold(EventSink sink, String callId, String leg, String action, String state) {
        if (sink.wanted(CALL_HOLD)) {
            sink.raise(CALL_HOLD.of(callId, leg, action, state).forCall(callId));
        }
    }

    /** Raises E_CALL_TRANSFER when someone listens. */
    public static void transfer(EventSink sink, String callId, String leg, String transferCallId, String destination,
                                String state, String status) {
        if (sink.wanted(CALL_TRANSFER)) {
            sink.raise(CALL_TRANSFER.of(callId, leg, transferCallId, destination, state, status).forCall(callId));
        }
    }
}
