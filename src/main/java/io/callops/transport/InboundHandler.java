package io.callops.transport;

import io.callops.sip.ParseResult;
import io.callops.sip.SipMessage;

/**
 * Receives what the transports read. Called on a transport thread, which must not block:
 * implementations hand the message to the worker that owns its call.
 */
public interface InboundHandler {

    void onMessage(SipMessage message, Flow flow);

    /** Bytes that are not a message; {@code failure.partial()} may allow a 400 reply. */
    void onUnparseable(ParseResult.Failure failure, Flow flow, int size);
}
