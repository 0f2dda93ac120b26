package io.callops.dialog;

import io.callops.api.Event;
import io.callops.api.EventSink;
import io.callops.api.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An event sink with a subscriber for everything: keeps each raised event, in order. */
final class RecordingEvents implements EventSink {
    private final List<Event> raised = new ArrayList<>();

    @Override
    public void declare(EventType type) {
    }

    @Override
    public boolean wanted(EventType type) {
        return true; // the layer builds events only when wanted: always, here
    }

    @Override
    public void raise(Event event) {
        raised.add(event);
    }

    List<Event> raised() {
        return List.copyOf(raised);
    }

    /** The E_DLG_STATE_CHANGED events as "old>new", in order. */
    List<String> transitions() {
        return raised.stream().filter(e -> e.type().equals(DialogEvents.STATE_CHANGED))
                .map(e -> e.parameters().get("old_state") + ">" + e.parameters().get("new_state")).toList();
    }

    /** The parameters of every event raised, in order. */
    List<Map<String, Object>> parameters() {
        return raised.stream().map(Event::parameters).toList();
    }
}
