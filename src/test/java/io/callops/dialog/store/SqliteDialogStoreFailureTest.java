package io.callops.dialog.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The file stops taking writes while the store runs: the callers never notice, the writer catches up. */
class SqliteDialogStoreFailureTest extends StoreInTempDir {
    private static final String REFUSE_INSERTS =
            "CREATE TRIGGER refuse_inserts BEFORE INSERT ON dialogs BEGIN SELECT RAISE(ABORT, 'no room'); END";
    private static final String REFUSE_DELETES =
            "CREATE TRIGGER refuse_deletes BEFORE DELETE ON dialogs BEGIN SELECT RAISE(ABORT, 'no room'); END";

    private SqliteDialogStore openWithAttempts(long flushDelayMs, int maxAttempts) {
        return open(file(), flushDelayMs, 200_000, maxAttempts);
    }

    @Test
    void aFailedSaveIsCountedKeptAndWrittenOnceTheFileTakesWritesAgain() throws SQLException {
        SqliteDialogStore store = openWithAttempts(NEVER_MS, 100);
        StoreFiles.execute(file(), REFUSE_INSERTS);
        store.save(DialogRecords.call(1, 0));
        store.flush();
        store.flush();

        assertThat(store.failedWrites()).isEqualTo(2);
        assertThat(store.writes()).isZero();
        assertThat(store.pendingChanges()).isEqualTo(1);

        StoreFiles.execute(file(), "DROP TRIGGER refuse_inserts");
        store.flush();

        assertThat(store.writes()).isEqualTo(1);
        assertThat(store.failedWrites()).isEqualTo(2);
        assertThat(store.loadAll()).containsExactly(DialogRecords.call(1, 0));
    }

    @Test
    void aNewerChangeMadeWhileFailingWinsOverTheRetriedOne() throws SQLException {
        SqliteDialogStore store = openWithAttempts(NEVER_MS, 100);
        StoreFiles.execute(file(), REFUSE_INSERTS);
        store.save(DialogRecords.call(1, 0));
        store.flush();
        store.save(DialogRecords.call(1, 1));
        StoreFiles.execute(file(), "DROP TRIGGER refuse_inserts");
        store.flush();

        assertThat(store.loadAll()).containsExactly(DialogRecords.call(1, 1));
    }

    @Test
    void aFailedDeleteIsRetriedToo() throws SQLException {
        SqliteDialogStore store = openWithAttempts(NEVER_MS, 100);
        store.save(DialogRecords.call(1, 0));
        store.flush();
        StoreFiles.execute(file(), REFUSE_DELETES);
        store.delete(1);
        store.flush();

        assertThat(store.failedWrites()).isEqualTo(1);
        assertThat(StoreFiles.count(file(), "dialogs")).isEqualTo(1);

        StoreFiles.execute(file(), "DROP TRIGGER refuse_deletes");
        store.flush();

        assertThat(StoreFiles.count(file(), "dialogs")).isZero();
    }

    @Test
    void changesFailingTooOftenAreDroppedAndLaterOnesStillWritten() throws SQLException {
        SqliteDialogStore store = openWithAttempts(NEVER_MS, 3);
        StoreFiles.execute(file(), REFUSE_INSERTS);
        store.save(DialogRecords.call(1, 0));
        store.flush();
        store.flush();
        store.flush();

        assertThat(store.failedWrites()).isEqualTo(3);
        assertThat(store.droppedChanges()).isEqualTo(1);
        assertThat(store.pendingChanges()).isZero();

        StoreFiles.execute(file(), "DROP TRIGGER refuse_inserts");
        store.save(DialogRecords.call(2, 0));
        store.flush();

        assertThat(store.loadAll()).containsExactly(DialogRecords.call(2, 0));
    }

    @Test
    void aFailingFileWithoutDelayIsRetriedAfterAPauseNotInATightLoop() throws Exception {
        SqliteDialogStore store = openWithAttempts(0, 1000);
        StoreFiles.execute(file(), REFUSE_INSERTS);
        store.save(DialogRecords.call(1, 0));
        await(store::failedWrites, 1);
        long before = store.failedWrites();
        Thread.sleep(1000);

        // At most one attempt per retry pause (250 ms): a handful a second, not thousands.
        assertThat(store.failedWrites() - before).isLessThanOrEqualTo(5);
        await(store::failedWrites, before + 1);

        StoreFiles.execute(file(), "DROP TRIGGER refuse_inserts");
        await(store::writes, 1);
    }

    @Test
    void aRemovedDirectoryIsReportedAndTheFileCreatedAgain() throws Exception {
        Path file = dir.resolve("data/dialogs.db");
        SqliteDialogStore store = open(file, NEVER_MS, 1000, 100);
        store.save(DialogRecords.call(1, 0));
        store.flush();
        try (Stream<Path> all = Files.walk(file.getParent())) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
        store.save(DialogRecords.call(2, 0));
        store.flush();

        assertThat(store.failedWrites()).isEqualTo(1);
        assertThat(store.writes()).isEqualTo(1);

        store.flush();

        assertThat(store.writes()).isEqualTo(2);
        assertThat(file).exists();
        // What was in the removed file is gone; what changed since is kept.
        assertThat(store.loadAll()).containsExactly(DialogRecords.call(2, 0));
    }

    @Test
    void savesNeverWaitForAWriterBlockedByAnotherConnection() throws Exception {
        SqliteDialogStore store = openWithAttempts(0, 100);
        List<DialogRecord> many = new ArrayList<>();
        for (long id = 1; id <= 100_000; id++) many.add(DialogRecords.call(id, 0));
        try (Connection other = StoreFiles.connect(file()); Statement s = other.createStatement()) {
            // Another component holds the file's write lock: the writer waits for the busy timeout.
            s.execute("BEGIN IMMEDIATE");
            s.execute("CREATE TABLE other_component (x INTEGER)");
            store.save(DialogRecords.call(0, 0));
            Thread.sleep(200);

            long start = System.nanoTime();
            many.forEach(store::save);
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            // The writer is stuck for the 5 s busy timeout; callers waiting for it would take about that long.
            assertThat(tookMs).isLessThan(3000);
            await(store::failedWrites, 1);
            s.execute("ROLLBACK");
        }
        store.flush();

        assertThat(store.writes()).isEqualTo(100_001);
        assertThat(StoreFiles.count(file(), "dialogs")).isEqualTo(100_001);
    }

    private static void await(LongSupplier counter, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (counter.getAsLong() < atLeast) {
            assertThat(System.nanoTime()).as("counter reaches %d", atLeast).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
