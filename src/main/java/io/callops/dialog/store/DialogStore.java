package io.callops.dialog.store;

import java.util.List;

/**
 * Where dialogs are kept across restarts. Writes are handed over and return at once (the
 * SIP path never waits for a disk); a later write of the same dialog replaces an earlier
 * one not yet written.
 */
public interface DialogStore extends AutoCloseable {

    /** Records the dialog's current state (insert or replace). Never blocks, never throws. */
    void save(DialogRecord dialog);

    /** Forgets a dialog. Never blocks, never throws. */
    void delete(long dialogId);

    /** Every dialog kept, for recovery at start. Called once, before traffic. */
    List<DialogRecord> loadAll();

    /** Writes what is pending (waits for it). */
    void flush();

    /** Writes what is pending and closes the store. */
    @Override
    void close();

    /** Writes that failed since start (a failing store is counted and logged, never fatal). */
    long failedWrites();

    /** Writes done since start. */
    long writes();
}
