package io.callops.transport;

import io.callops.sip.ParseResult;
import io.callops.sip.SipParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses the bytes of one message and hands the result to the {@link InboundHandler}. Runs on
 * the I/O thread: parsing only records header positions, so it costs about as much as the copy
 * out of the socket buffer and is not worth a thread hop.
 */
final class InboundDispatcher {
    private static final Logger log = LoggerFactory.getLogger(InboundDispatcher.class);

    private final SipParser parser;
    private final InboundHandler handler;
    private final TransportStats stats;

    InboundDispatcher(SipParser parser, InboundHandler handler, TransportStats stats) {
        this.parser = parser;
        this.handler = handler;
        this.stats = stats;
    }

    /** {@code bytes} must be exactly one message (a datagram or a frame cut from a stream). */
    void deliver(byte[] bytes, Flow flow) {
        SipTrace.received(flow.transport(), flow.remote(), bytes);
        stats.messagesReceived.increment();
        ParseResult result = parser.parse(bytes);
        try {
            if (result instanceof ParseResult.Success ok) {
                if (log.isDebugEnabled()) {
                    log.debug("{} {} bytes from {}: {}", flow.transport(), bytes.length, flow.remote(),
                            ok.message().startLine());
                }
                handler.onMessage(ok.message(), flow);
            } else {
                ParseResult.Failure failure = (ParseResult.Failure) result;
                stats.parseFailures.increment();
                log.debug("{} {} unparseable bytes from {}: {}", flow.transport(), bytes.length, flow.remote(),
                        failure.reason());
                handler.onUnparseable(failure, flow, bytes.length);
            }
        } catch (RuntimeException e) {
            // The handler's bug must not stop the socket: the next packet is someone else's call.
            stats.internalErrors.increment();
            log.warn("inbound handler threw on a message from {}", flow.remote(), e);
        }
    }
}
