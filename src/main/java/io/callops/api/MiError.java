package io.callops.api;

/**
 * A management command's failure, answered as the JSON-RPC error {@code {code, message[, data]}}.
 * Module errors use SIP-like codes (404, 500, ...) as the reference does; parameter errors are
 * always {@link #INVALID_PARAMS} with a {@code data} text naming the parameter.
 */
public final class MiError extends RuntimeException {
    public static final int INVALID_PARAMS = -32602;

    private final int code;
    private final String data;

    public MiError(int code, String message, String data) {
        super(message, null, false, false); // an expected answer, not a bug: no stack trace needed
        this.code = code;
        this.data = data;
    }

    public MiError(int code, String message) {
        this(code, message, null);
    }

    /** -32602 "Invalid params" with {@code data} saying which parameter and what is wrong. */
    public static MiError invalidParams(String data) {
        return new MiError(INVALID_PARAMS, "Invalid params", data);
    }

    public int code() {
        return code;
    }

    /** The JSON-RPC {@code message}. */
    public String message() {
        return getMessage();
    }

    /** The JSON-RPC {@code data}, or null for none. */
    public String data() {
        return data;
    }
}
