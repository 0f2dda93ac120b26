package io.callops.proxy.registrar;

/**
 * A REGISTER the registrar refuses before touching the location service: the status to
 * answer with and, for 423, the Min-Expires value to add (RFC 3261 §10.3 step 7).
 */
final class Rejection extends RuntimeException {

    private final int code;
    private final String reason;
    private final long minExpires;

    private Rejection(int code, String reason, long minExpires) {
        super(code + " " + reason, null, false, false); // an expected answer, no stack trace needed
        this.code = code;
        this.reason = reason;
        this.minExpires = minExpires;
    }

    static Rejection badRequest(String reason) {
        return new Rejection(400, reason, -1);
    }

    static Rejection intervalTooBrief(long minExpires) {
        return new Rejection(423, "Interval Too Brief", minExpires);
    }

    int code() {
        return code;
    }

    String reason() {
        return reason;
    }

    /** The Min-Expires to send, or -1 when the answer has none. */
    long minExpires() {
        return minExpires;
    }
}
