package io.callops.transport;

/** Told to whoever sent a message once the transport knows whether it went out. */
@FunctionalInterface
public interface SendResult {
    /** @param flow the flow the message left on, or null when it could not be sent
     *  @param error null on success, otherwise why the transport failed (RFC 3261 §17.1.4) */
    void done(Flow flow, Throwable error);

    SendResult IGNORE = (flow, error) -> { };
}
