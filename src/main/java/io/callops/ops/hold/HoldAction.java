package io.callops.ops.hold;

/** What an operation does to a leg, named as E_CALL_HOLD names it in {@code action}. */
enum HoldAction {
    HOLD("hold"),
    UNHOLD("unhold");

    private final String text;

    HoldAction(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    /** {@code hold} or {@code unhold}; null for anything else. */
    static HoldAction parse(String s) {
        for (HoldAction a : values()) {
            if (a.text.equals(s)) return a;
        }
        return null;
    }
}
