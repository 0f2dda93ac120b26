package io.callops.sip;

/**
 * Thrown when SIP text (a URI, a header value, a message) does not follow the grammar.
 * It is the only exception the parsers throw, so callers can turn any parse failure
 * into a 400 Bad Request without guarding against surprises.
 */
public class SipParseException extends RuntimeException {

    public SipParseException(String message) {
        super(message);
    }

    public SipParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
