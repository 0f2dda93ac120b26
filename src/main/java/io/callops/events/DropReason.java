package io.callops.events;

import java.util.Locale;

/** Why an event did not reach a subscriber; the {@code reason} label of the drop metric. */
enum DropReason {
    /** The subscriber's queue was full when the event was raised. */
    QUEUE_FULL,
    /** Sending failed (for HTTP after every retry). */
    SEND_FAILED,
    /** The subscription expired or was removed while the event waited in its queue. */
    ENDED;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
