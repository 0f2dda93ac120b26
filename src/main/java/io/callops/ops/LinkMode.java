package io.callops.ops;

import java.util.Locale;

/**
 * How callops links a new call to the dialog it should act on. Each mode also has a number
 * because deployments migrating from the OpenSIPS-based setup configure it as 0, 1 or 2.
 */
public enum LinkMode {
    /** The new call's Request-URI carries a parameter (callops.match_param) naming the dialog. */
    PARAM(0),
    /** Nothing is linked automatically; routing code links calls explicitly. */
    MANUAL(1),
    /** The new call is linked by Call-ID. */
    CALLID(2);

    private final int code;

    LinkMode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Accepts the name in any case or the number: {@code param}/{@code 0}, {@code manual}/{@code 1},
     * {@code callid}/{@code 2}; anything else is an {@link IllegalArgumentException} saying what is allowed.
     */
    public static LinkMode parse(String text) {
        String t = text.trim();
        for (LinkMode m : values()) {
            if (m.configName().equalsIgnoreCase(t) || Integer.toString(m.code).equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("must be param (0), manual (1) or callid (2) (got '" + text + "')");
    }
}
