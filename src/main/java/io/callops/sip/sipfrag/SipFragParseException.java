package io.callops.sip.sipfrag;

/** Thrown when bytes cannot be read as a {@code message/sipfrag} body; the message says what was wrong. */
public final class SipFragParseException extends RuntimeException {
    public SipFragParseException(String message) {
        super(message);
    }
}
