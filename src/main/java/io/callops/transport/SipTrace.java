package io.callops.transport;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Full SIP messages, in and out, on the logger {@code io.callops.sip.trace} (off unless
 * {@code log.sip_trace} is set). One log event per message, so a trace reads like a capture.
 */
final class SipTrace {
    static final Logger LOG = LoggerFactory.getLogger("io.callops.sip.trace");

    private SipTrace() {}

    static void received(TransportType t, InetSocketAddress from, byte[] bytes) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("received {} bytes over {} from {}:\n{}", bytes.length, t, from,
                    new String(bytes, StandardCharsets.UTF_8));
        }
    }

    static void sent(TransportType t, InetSocketAddress to, byte[] bytes) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("sending {} bytes over {} to {}:\n{}", bytes.length, t, to,
                    new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
