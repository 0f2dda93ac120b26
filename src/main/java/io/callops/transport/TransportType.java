package io.callops.transport;

import java.util.Locale;

/** The transports callops listens on and sends over. */
public enum TransportType {
    UDP(false),
    TCP(true);

    private final boolean reliable;

    TransportType(boolean reliable) {
        this.reliable = reliable;
    }

    /** Reliable transports need no retransmission timers A, E and G (RFC 3261 §17.1.1.2). */
    public boolean reliable() {
        return reliable;
    }

    /** The token used in Via and in the {@code transport} URI parameter. */
    public String viaToken() {
        return name();
    }

    public String uriParam() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code udp}/{@code tcp} in any case; null for an unknown name. */
    public static TransportType fromToken(String token) {
        if (token == null) {
            return null;
        }
        switch (token.toLowerCase(Locale.ROOT)) {
            case "udp": return UDP;
            case "tcp": return TCP;
            default: return null;
        }
    }
}
