package io.callops.dialog.store;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** {@code dialog.store.type: none}: dialogs live in memory only and are gone after a restart. */
public final class InMemoryDialogStore implements DialogStore {
    private final LongAdder writes = new LongAdder();

    @Override
    public void save(DialogRecord dialog) {
        writes.increment();
    }

    @Override
    public void delete(long dialogId) {
        writes.increment();
    }

    @Override
    public List<DialogRecord> loadAll() {
        return List.of();
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
        return writes.sum();
    }
}
