package io.callops.dialog.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SqliteDialogStoreTest extends StoreInTempDir {

    private SqliteDialogStore open(long flushDelayMs) {
        return open(flushDelayMs, 200_000);
    }

    private SqliteDialogStore open(long flushDelayMs, int maxPending) {
        return open(file(), flushDelayMs, maxPending, SqliteDialogStore.DEFAULT_MAX_ATTEMPTS);
    }

    @Test
    void savedDialogsLoadBack() {
        SqliteDialogStore store = open(NEVER_MS);
        List<DialogRecord> saved = List.of(DialogRecords.call(1, 0), DialogRecords.call(2, 0), DialogRecords.call(-3, 0));
        saved.forEach(store::save);
        store.flush();

        assertThat(store.loadAll()).containsExactlyInAnyOrderElementsOf(saved);
        assertThat(store.writes()).isEqualTo(3);
        assertThat(store.failedWrites()).isZero();
    }

    @Test
    void aLaterSaveReplacesAnEarlierOne() {
        SqliteDialogStore store = open(NEVER_MS);
        store.save(DialogRecords.call(1, 1));
        store.flush();
        store.save(DialogRecords.call(1, 2));
        store.flush();

        assertThat(store.loadAll()).containsExactly(DialogRecords.call(1, 2));
    }

    @Test
    void changesOfOneDialogBetweenTwoRoundsAreWrittenOnce() {
        SqliteDialogStore store = open(NEVER_MS);
        for (int version = 0; version < 50; version++) store.save(DialogRecords.call(7, version));
        store.flush();

        assertThat(store.writes()).isEqualTo(1);
        assertThat(store.loadAll()).containsExactly(DialogRecords.call(7, 49));
    }

    @Test
    void aDeletedDialogIsGone() {
        SqliteDialogStore store = open(NEVER_MS);
        store.save(DialogRecords.call(1, 0));
        store.save(DialogRecords.call(2, 0));
        store.flush();
        store.delete(1);
        store.flush();

        assertThat(store.loadAll()).containsExactly(DialogRecords.call(2, 0));
    }

    @Test
    void aDeleteReplacesASaveNotYetWritten() throws SQLException {
        SqliteDialogStore store = open(NEVER_MS);
        store.save(DialogRecords.call(1, 0));
        store.delete(1);
        store.flush();

        assertThat(StoreFiles.count(file(), "dialogs")).isZero();
        assertThat(store.writes()).isEqualTo(1);
    }

    @Test
    void nothingIsWrittenBeforeTheFlushDelayAndThenAllInOneTransaction() throws Exception {
        SqliteDialogStore store = open(NEVER_MS);
        for (int id = 0; id < 1000; id++) store.save(DialogRecords.call(id, 0));
        Thread.sleep(300);

        assertThat(StoreFiles.count(file(), "dialogs")).isZero();
        assertThat(store.writes()).isZero();

        store.flush();

        assertThat(StoreFiles.count(file(), "dialogs")).isEqualTo(1000);
        assertThat(store.writes()).isEqualTo(1000);
        assertThat(store.batches()).isEqualTo(1);
    }

    @Test
    void aLargeRoundOfSavesAndDeletesIsWrittenExactly() throws Exception {
        SqliteDialogStore store = open(NEVER_MS);
        for (int id = 0; id < 300; id++) store.save(DialogRecords.call(id, 0));
        store.flush();
        // One round, several slices of encoded rows: updates, deletes and new dialogs mixed.
        List<DialogRecord> expected = new ArrayList<>();
        for (int id = 0; id < 300; id++) {
            if (id % 2 == 0) {
                store.save(DialogRecords.call(id, 1));
                expected.add(DialogRecords.call(id, 1));
            } else {
                store.delete(id);
            }
        }
        for (int id = 1000; id < 1130; id++) {
            store.save(DialogRecords.call(id, 2));
            expected.add(DialogRecords.call(id, 2));
        }
        store.flush();

        assertThat(store.loadAll()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(StoreFiles.count(file(), "dialogs")).isEqualTo(expected.size());
        assertThat(store.batches()).isEqualTo(2);
        assertThat(store.failedWrites()).isZero();
    }

    @Test
    void withADelayChangesAreWrittenWithoutAFlush() throws Exception {
        SqliteDialogStore store = open(50);
        store.save(DialogRecords.call(1, 0));

        awaitRows(1);
    }

    @Test
    void withoutADelayAChangeIsWrittenAtOnce() throws Exception {
        SqliteDialogStore store = open(0);
        store.save(DialogRecords.call(1, 0));
        awaitRows(1);
        store.save(DialogRecords.call(2, 0));

        awaitRows(2);
    }

    private void awaitRows(long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (StoreFiles.count(file(), "dialogs") != expected) {
            assertThat(System.nanoTime()).as("rows in the file reach %d", expected).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void dialogsSurviveARestart() {
        SqliteDialogStore first = open(NEVER_MS);
        Map<Long, DialogRecord> expected = new HashMap<>();
        for (long id = 0; id < 100; id++) {
            first.save(DialogRecords.call(id, id));
            expected.put(id, DialogRecords.call(id, id));
        }
        first.flush();
        for (long id = 0; id < 10; id++) {
            first.delete(id);
            expected.remove(id);
        }
        first.save(DialogRecords.call(50, 500));
        expected.put(50L, DialogRecords.call(50, 500));
        // Closing writes what the timer has not yet written.
        first.close();

        SqliteDialogStore second = open(NEVER_MS);

        assertThat(second.loadAll()).containsExactlyInAnyOrderElementsOf(expected.values());
    }

    @Test
    void closeIsIdempotentAndLaterChangesAreDroppedQuietly() {
        SqliteDialogStore store = open(NEVER_MS);
        store.save(DialogRecords.call(1, 0));
        store.close();
        store.close();

        store.save(DialogRecords.call(2, 0));
        store.delete(1);
        store.flush();

        assertThat(store.droppedChanges()).isEqualTo(2);
        assertThat(open(NEVER_MS).loadAll()).containsExactly(DialogRecords.call(1, 0));
    }

    @Test
    void writesOnADaemonThreadOfItsOwn() {
        open(NEVER_MS);

        List<Thread> writers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("callops-dialog-store")).toList();
        assertThat(writers).isNotEmpty().allMatch(Thread::isDaemon);
    }

    @Test
    void aFullStoreDropsChangesToFurtherDialogsButTakesChangesToWaitingOnes() {
        SqliteDialogStore store = open(NEVER_MS, 10);
        for (long id = 0; id < 20; id++) store.save(DialogRecords.call(id, 0));
        store.save(DialogRecords.call(5, 1));

        assertThat(store.droppedChanges()).isEqualTo(10);
        assertThat(store.pendingChanges()).isEqualTo(10);

        store.flush();
        List<DialogRecord> loaded = store.loadAll();

        assertThat(loaded).hasSize(10).contains(DialogRecords.call(5, 1)).doesNotContain(DialogRecords.call(15, 0));
        // Room again once written.
        store.save(DialogRecords.call(15, 0));
        assertThat(store.droppedChanges()).isEqualTo(10);
    }

    @Test
    void concurrentChangesFromManyThreadsEndAsTheLastOfEach() throws Exception {
        SqliteDialogStore store = open(1);
        int threads = 4;
        int perThread = 5000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                long first = (long) t * perThread;
                done.add(pool.submit(() -> {
                    go.await();
                    for (long id = first; id < first + perThread; id++) {
                        store.save(DialogRecords.call(id, 1));
                        store.save(DialogRecords.call(id, 2));
                        if (id % 10 == 0) store.delete(id);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) f.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        store.flush();

        List<DialogRecord> expected = new ArrayList<>();
        for (long id = 0; id < (long) threads * perThread; id++) {
            if (id % 10 != 0) expected.add(DialogRecords.call(id, 2));
        }
        assertThat(store.loadAll()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(store.droppedChanges()).isZero();
    }

    @Test
    void anUnreadableRowIsLeftOutAndTheOthersLoad() throws SQLException {
        SqliteDialogStore store = open(NEVER_MS);
        store.save(DialogRecords.call(1, 0));
        store.save(DialogRecords.call(3, 0));
        store.flush();
        String newerFormat = DialogRecordCodec.encode(DialogRecords.call(4, 0)).replace("\"format\":1", "\"format\":9");
        StoreFiles.execute(file(),
                "INSERT INTO dialogs (id, callid, state, expires, data) VALUES (2, 'c2', 4, 0, '{\"format\":1,\"id\":')",
                "INSERT INTO dialogs (id, callid, state, expires, data) VALUES (4, 'c4', 4, 0, '" + newerFormat + "')");

        assertThat(store.loadAll()).containsExactlyInAnyOrder(DialogRecords.call(1, 0), DialogRecords.call(3, 0));
        assertThat(store.unreadableRows()).isEqualTo(2);
    }

    @Test
    void theDataColumnIsJsonTextThatSqliteItselfReads() throws SQLException {
        DialogRecord plain = DialogRecords.call(1, 0);
        Map<String, Object> values = new HashMap<>(plain.values());
        values.put("caller_name", "Zoë 日本 \uD83D\uDE00");
        DialogRecord accented = new DialogRecord(plain.id(), plain.callId(), plain.state(), plain.startEpochMs(),
                plain.expiresEpochMs(), plain.timeoutS(), plain.byeOnTimeout(), plain.caller(), plain.callee(), values,
                plain.initialCseq());
        SqliteDialogStore store = open(NEVER_MS);
        store.save(accented);
        store.flush();

        try (Connection c = StoreFiles.connect(file()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT typeof(data), json_extract(data, '$.callId'), "
                     + "json_extract(data, '$.values.caller_name'), json_extract(data, '$.callee.lastCseq') FROM dialogs")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("text");
            assertThat(r.getString(2)).isEqualTo(plain.callId());
            assertThat(r.getString(3)).isEqualTo("Zoë 日本 \uD83D\uDE00");
            assertThat(r.getLong(4)).isEqualTo(plain.callee().lastCseq());
        }
        assertThat(store.loadAll()).containsExactly(accented);
    }

    @Test
    void otherTablesInTheFileAreLeftAlone() throws SQLException {
        StoreFiles.execute(file(), "CREATE TABLE event_subscriptions (event TEXT, socket TEXT, expires_at INTEGER)",
                "INSERT INTO event_subscriptions VALUES ('E_DLG_STATE_CHANGED', 'udp:127.0.0.1:9000', 1)");
        SqliteDialogStore store = open(NEVER_MS);
        store.save(DialogRecords.call(1, 0));
        store.flush();
        store.delete(1);
        store.close();

        assertThat(StoreFiles.count(file(), "event_subscriptions")).isEqualTo(1);
        assertThat(StoreFiles.count(file(), "dialogs")).isZero();
    }
}
