package io.callops.dialog;

/** Dialog states, numbered as the OpenSIPS dialog module numbers them (MI and events show the numbers). */
public enum DialogState {
    /** The initial INVITE was relayed; no answer with a To tag yet. */
    UNCONFIRMED(1),
    /** A provisional response with a To tag came back (an early dialog, RFC 3261 §12.1). */
    EARLY(2),
    /** A 2xx went to the caller; its ACK has not been seen yet. */
    CONFIRMED_NOT_ACKED(3),
    /** The 2xx was ACKed: an established call. */
    CONFIRMED(4),
    /** Ended (BYE, failure, CANCEL or timeout); kept for a while to route late requests. */
    DELETED(5);

    private final int code;

    DialogState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean confirmed() {
        return this == CONFIRMED_NOT_ACKED || this == CONFIRMED;
    }

    public static DialogState ofCode(int code) {
        for (DialogState s : values()) {
            if (s.code == code) return s;
        }
        throw new IllegalArgumentException("no dialog state " + code);
    }
}
