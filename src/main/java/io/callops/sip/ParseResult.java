package io.callops.sip;

/**
 * What the parser makes of some bytes: a message, or the reason they are not one. Bad input
 * is a value, not an exception, so a transport can answer it without a try block per packet.
 */
public sealed interface ParseResult {

    /** The bytes form a message whose framing is sound (header semantics are checked later). */
    record Success(SipMessage message) implements ParseResult {}

    /**
     * The bytes are not a usable message. {@code partial} holds what could be read (start
     * line and headers) when that was enough to answer a request with 400, otherwise null.
     */
    record Failure(String reason, SipMessage partial) implements ParseResult {}
}
