package io.callops.server.config;

/**
 * Dialog tracking.
 *
 * @param timeoutS         lifetime of a dialog (guards against lost BYEs)
 * @param byeOnTimeout     BYE both legs of a confirmed dialog whose lifetime ends
 * @param refreshOnTraffic restart the lifetime on each in-dialog request
 * @param lingerMs         ended dialogs are kept this long to match late requests
 * @param inviteWaitMs     how long a request of ours waits for an INVITE transaction in progress
 * @param retries491       retries of our re-INVITE after a 491
 * @param store            where dialogs are persisted
 */
public record DialogConfig(int timeoutS, boolean byeOnTimeout, boolean refreshOnTraffic, int lingerMs,
                           int inviteWaitMs, int retries491, StoreConfig store) {
    public DialogConfig {
        Check.positive("dialog.timeout_s", timeoutS);
        Check.nonNegative("dialog.linger_ms", lingerMs);
        Check.nonNegative("dialog.invite_wait_ms", inviteWaitMs);
        Check.nonNegative("dialog.retries_491", retries491);
        Check.notNull("dialog.store", store);
    }
}
