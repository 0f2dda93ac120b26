package io.callops.dialog;

import io.callops.dialog.store.DialogRecord;
import io.callops.dialog.store.DialogStore;
import java.util.ArrayList;
import java.util.List;

/** A store that keeps every save and delete in order, and hands out the records it was given for recovery. */
final class RecordingDialogStore implements DialogStore {
    private final List<DialogRecord> saved = new ArrayList<>();
    private final List<Long> deleted = new ArrayList<>();
    private final List<DialogRecord> stored;

    RecordingDialogStore() {
        this(List.of());
    }

    /** A store that already holds {@code stored}, as after a restart. */
    RecordingDialogStore(List<DialogRecord> stored) {
        this.stored = List.copyOf(stored);
    }

    @Override
    public void save(DialogRecord dialog) {
        saved.add(dialog);
    }

    @Override
    public void delete(long dialogId) {
        deleted.add(dialogId);
    }

    @Override
    public List<DialogRecord> loadAll() {
        return stored;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    @Override
    public long failedWrites() {
        return 0;
    }

    @Override
    public long writes() {
        return saved.size() + deleted.size();
    }

    /** Every record saved, oldest first. */
    List<DialogRecord> saved() {
        return List.copyOf(saved);
    }

    /** The record saved last; fails when none was. */
    DialogRecord lastSaved() {
        if (saved.isEmpty()) throw new AssertionError("the store saw no save");
        return saved.get(saved.size() - 1);
    }

    /** The ids deleted, in order. */
    List<Long> deleted() {
        return List.copyOf(deleted);
    }
}
