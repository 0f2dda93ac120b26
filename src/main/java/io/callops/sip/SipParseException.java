package io.callops.sip;

/** A piece of SIP text that does not follow the grammar; the message names what was wrong. */
public class SipParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SipParseException(String message) {
        super(message);
    }

    public SipParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
