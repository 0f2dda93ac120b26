package io.callops.dialog;

/**
 * How dialogs are kept.
 *
 * @param timeoutS          default lifetime of a dialog (reference default 43200 s)
 * @param byeOnTimeout      send BYE to both legs of a confirmed dialog whose lifetime ends
 * @param refreshOnTraffic  restart the lifetime on every in-dialog request
 * @param lingerMs          how long an ended dialog is kept to match late requests
 * @param inviteWaitMs      how long a request of ours waits for an INVITE transaction in progress
 * @param retries491        how many times a 491 to our re-INVITE is retried (RFC 3261 §14.1)
 */
public record DialogSettings(int timeoutS, boolean byeOnTimeout, boolean refreshOnTraffic, long lingerMs,
                             long inviteWaitMs, int retries491) {
    public static final DialogSettings DEFAULT = new DialogSettings(43200, true, false, 32_000, 10_000, 3);

    public DialogSettings {
        if (timeoutS <= 0) throw new IllegalArgumentException("dialog timeout must be positive: " + timeoutS);
        if (lingerMs < 0 || inviteWaitMs < 0 || retries491 < 0) {
            throw new IllegalArgumentException("dialog linger, INVITE wait and 491 retries must not be negative");
        }
    }
}
