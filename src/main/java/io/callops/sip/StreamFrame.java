package io.callops.sip;

/** What a {@link SipStreamFramer} cuts out of a byte stream. */
public sealed interface StreamFrame {

    /** The bytes of exactly one message (start line, headers, body). */
    record Message(byte[] bytes) implements StreamFrame {}

    /** A double-CRLF keep-alive ping (RFC 5626 §3.5.1); the answer is a single CRLF. */
    record KeepAlivePing() implements StreamFrame {}

    /**
     * The stream cannot be framed any more (a limit was exceeded or Content-Length is
     * unreadable); the connection must be closed because message boundaries are lost.
     */
    record Error(String reason) implements StreamFrame {}
}
