package io.callops.server.config;

/**
 * Dialog tracking.
 *
 * @param timeoutS a dialog with no in-dialog traffic for this long is dropped (guards against lost BYEs)
 * @param store    where dialogs are persisted
 */
public record DialogConfig(int timeoutS, StoreConfig store) {
    public DialogConfig {
        Check.positive("dialog.timeout_s", timeoutS);
        Check.notNull("dialog.store", store);
    }
}
