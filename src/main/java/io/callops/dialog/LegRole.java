package io.callops.dialog;

/** The two parties of a dialog, named as the reference names them. */
public enum LegRole {
    CALLER("caller"),
    CALLEE("callee");

    private final String text;

    LegRole(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public LegRole other() {
        return this == CALLER ? CALLEE : CALLER;
    }

    /** {@code caller} or {@code callee}; null for anything else. */
    public static LegRole parse(String s) {
        if ("caller".equals(s)) return CALLER;
        if ("callee".equals(s)) return CALLEE;
        return null;
    }
}
