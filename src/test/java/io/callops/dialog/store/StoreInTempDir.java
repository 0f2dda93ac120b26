package io.callops.dialog.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A test's stores live in its temporary directory and are closed after it, whatever it asserted. */
abstract class StoreInTempDir {
    /** Long enough that nothing is written by the timer while a test runs. */
    static final long NEVER_MS = 600_000;

    @TempDir
    Path dir;

    private final List<SqliteDialogStore> opened = new ArrayList<>();

    @AfterEach
    void closeStores() {
        opened.forEach(SqliteDialogStore::close);
    }

    Path file() {
        return dir.resolve("dialogs.db");
    }

    SqliteDialogStore open(Path file, long flushDelayMs, int maxPending, int maxAttempts) {
        SqliteDialogStore store = SqliteDialogStore.open(file, flushDelayMs, maxPending, maxAttempts);
        opened.add(store);
        return store;
    }
}
