package io.callops.dialog;

import io.callops.api.EventSink;
import io.callops.api.EventType;
import java.util.List;

/** The dialog layer's event (reference R11): raised on every state change. */
public final class DialogEvents {
    public static final EventType STATE_CHANGED = new EventType("E_DLG_STATE_CHANGED",
            List.of("id", "db_id", "callid", "from_tag", "to_tag", "old_state", "new_state"));

    private DialogEvents() {
    }

    public static void declare(EventSink sink) {
        sink.declare(STATE_CHANGED);
    }

    static void stateChanged(EventSink sink, Dialog d, DialogState from, DialogState to) {
        if (!sink.wanted(STATE_CHANGED)) return;
        String id = d.idText();
        sink.raise(STATE_CHANGED.of(id, id, d.callId(), d.caller.tag, d.callee.tag == null ? "" : d.callee.tag,
                from.code(), to.code()).forCall(d.callId()));
    }
}
