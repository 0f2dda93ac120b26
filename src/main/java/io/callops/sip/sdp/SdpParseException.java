package io.callops.sip.sdp;

/** Thrown when bytes cannot be read as an SDP session description; the message says what was wrong. */
public final class SdpParseException extends RuntimeException {
    public SdpParseException(String message) {
        super(message);
    }
}
