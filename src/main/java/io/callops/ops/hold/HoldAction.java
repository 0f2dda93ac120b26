package io.callops.ops.hold;

import java.util.Locale;

/** What an operation does to a leg, named as E_CALL_HOLD names it in {@code action}. */
enum HoldAction {
    HOLD,
    UNHOLD;

    /** {@code hold} or {@code unhold}. */
    String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code hold} or {@code unhold}; null for anything else. */
    static HoldAction parse(String s) {
        for (HoldAction a : values()) {
            if (a.text().equals(s)) return a;
        }
        return null;
    }
}
