package io.callops.transport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells a {@link SendResult} how a send ended, counting it and shielding the event loop from it. */
final class SendOutcome {
    private static final Logger log = LoggerFactory.getLogger(SendOutcome.class);

    private SendOutcome() {}

    static void sent(TransportStats stats, SendResult result, Flow flow) {
        stats.messagesSent.increment();
        tell(stats, result, flow, null);
    }

    static void failed(TransportStats stats, SendResult result, Throwable error) {
        stats.sendErrors.increment();
        log.debug("send failed: {}", error.toString());
        tell(stats, result, null, error);
    }

    private static void tell(TransportStats stats, SendResult result, Flow flow, Throwable error) {
        try {
            result.done(flow, error);
        } catch (RuntimeException e) {
            // The callback often runs on an event loop; its bug must not break the loop.
            stats.internalErrors.increment();
            log.warn("SendResult callback threw", e);
        }
    }
}
