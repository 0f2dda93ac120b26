package io.callops.events;

import java.util.Locale;

/** How events reach one subscriber; its name is the {@code transport} label of the metrics. */
public enum DeliveryTransport {
    UDP,
    TCP,
    HTTP,
    HTTPS,
    /** A Java listener inside the process. */
    LISTENER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
