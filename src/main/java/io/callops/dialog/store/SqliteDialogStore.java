package io.callops.dialog.store;

import io.callops.dialog.store.PendingChanges.Change;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dialogs kept in one SQLite file, written behind.
 *
 * <p>{@link #save} and {@link #delete} only note the dialog's latest change in a concurrent
 * map and return: no lock, no disk, no exception on the SIP path. The thread
 * {@code callops-dialog-store} wakes every flush delay and writes every noted change in one
 * transaction; a dialog changed many times between two rounds is written once.
 *
 * <p>Cost of a write: a caller pays one map insert. The writer pays, per changed dialog, its
 * JSON encoding (about 1 KB for a call with SDP on both legs) and one row insert, and per
 * round one commit. In WAL mode with {@code synchronous=NORMAL} a commit appends to the log
 * without waiting for the disk (the disk is synced at checkpoints), so the cost follows the
 * number of dialogs changed, not the number of rounds: a longer flush delay makes fewer,
 * larger transactions and writes a dialog that changed several times in between once.
 *
 * <p>When the file does not take writes (disk full, another connection holding the lock past
 * the busy timeout, the file removed: then it is created again) each failed round is logged and counted in
 * {@link #failedWrites()}; its changes are retried at the next rounds and, after a bounded
 * number of failed rounds in a row, dropped and counted in {@link #droppedChanges()}. When
 * the disk does not keep up, at most {@code maxPending} dialogs wait; changes to further
 * dialogs are dropped and counted, with a warning at most once a second.
 */
public final class SqliteDialogStore implements DialogStore {
    /** Failed rounds in a row after which their changes are dropped. */
    public static final int DEFAULT_MAX_ATTEMPTS = 10;
    /** How long {@link #flush()} and {@link #close()} wait for the writer. */
    static final long WAIT_MS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(SqliteDialogStore.class);
    private static final long DROP_LOG_INTERVAL_MS = 1000;

    private final DialogTable table;
    private final PendingChanges pending;
    private final DialogWriter writer;
    private final LongAdder refused = new LongAdder();
    private final LongAdder unreadable = new LongAdder();
    private final AtomicLong lastDropLogMs = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    private SqliteDialogStore(DialogTable table, long flushDelayMs, int maxPending, int maxAttempts) {
        this.table = table;
        this.pending = new PendingChanges(maxPending);
        this.writer = new DialogWriter(table, pending, flushDelayMs, maxAttempts);
    }

    /**
     * Opens the store with {@link #DEFAULT_MAX_ATTEMPTS}.
     *
     * @see #open(Path, long, int, int)
     */
    public static SqliteDialogStore open(Path file, long flushDelayMs, int maxPending) {
        return open(file, flushDelayMs, maxPending, DEFAULT_MAX_ATTEMPTS);
    }

    /**
     * Opens (or creates, with its directories) the SQLite file and starts the writer.
     *
     * @param file         the SQLite file; other components may keep their own tables in it
     * @param flushDelayMs how long changes gather before they are written together; 0 writes
     *                     as soon as a change is noted
     * @param maxPending   how many dialogs may wait with an unwritten change before changes to
     *                     further dialogs are dropped
     * @param maxAttempts  failed rounds in a row after which their changes are dropped
     * @throws DialogStoreException naming the file and the cause when it cannot be opened, is not
     *                              a SQLite database, is damaged, or holds tables of another layout
     */
    public static SqliteDialogStore open(Path file, long flushDelayMs, int maxPending, int maxAttempts) {
        if (flushDelayMs < 0) throw new IllegalArgumentException("flush delay must be >= 0, got " + flushDelayMs);
        if (maxPending <= 0) throw new IllegalArgumentException("pending limit must be positive, got " + maxPending);
        if (maxAttempts <= 0) throw new IllegalArgumentException("attempts must be positive, got " + maxAttempts);
        SqliteDialogStore store = new SqliteDialogStore(DialogTable.open(file), flushDelayMs, maxPending, maxAttempts);
        store.writer.start();
        return store;
    }

    @Override
    public void save(DialogRecord dialog) {
        note(new Change(dialog.id(), dialog));
    }

    @Override
    public void delete(long dialogId) {
        note(new Change(dialogId, null));
    }

    private void note(Change change) {
        if (!closed.get() && pending.offer(change)) {
            writer.changeNoted();
            return;
        }
        refused.increment();
        long now = System.currentTimeMillis();
        long last = lastDropLogMs.get();
        if (now - last >= DROP_LOG_INTERVAL_MS && lastDropLogMs.compareAndSet(last, now)) {
            log.warn("dialog store {}: dialog changes dropped ({} so far): {}", table.file(), refused.sum(),
                    closed.get() ? "the store is closed" : pending.size() + " dialogs wait for the disk already");
        }
    }

    /** Writes what is pending, then reads every dialog; unreadable rows are logged, counted and left out. */
    @Override
    public List<DialogRecord> loadAll() {
        flush();
        DialogTable.Loaded loaded = table.readAll();
        unreadable.add(loaded.unreadable());
        log.info("dialog store {}: {} dialogs read, {} unreadable", table.file(), loaded.dialogs().size(),
                loaded.unreadable());
        return loaded.dialogs();
    }

    /**
     * Waits until every change noted before the call has been through a round of the writer,
     * at most {@value #WAIT_MS} ms. A round that failed counts as done: its changes stay
     * pending for the next rounds and the failure is in {@link #failedWrites()}.
     */
    @Override
    public void flush() {
        if (closed.get()) return;
        try {
            if (!writer.flush(WAIT_MS)) {
                log.warn("dialog store {}: pending changes were not written within {} ms", table.file(), WAIT_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is pending (one last attempt), stops the writer and closes the file. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        try {
            if (!writer.stop(WAIT_MS)) {
                log.warn("dialog store {}: the writer did not finish within {} ms", table.file(), WAIT_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            table.close();
        }
    }

    /** Rounds whose transaction failed (each is retried or, in the end, dropped). */
    @Override
    public long failedWrites() {
        return writer.failedRounds();
    }

    /** Dialog changes (saves and deletes) written to the file. */
    @Override
    public long writes() {
        return writer.written();
    }

    /** Transactions committed: one per round that had changes. */
    public long batches() {
        return writer.batches();
    }

    /** Changes given up: refused (too many pending, or after close) or failing too many times. */
    public long droppedChanges() {
        return refused.sum() + writer.abandoned();
    }

    /** Rows left out of {@link #loadAll()} because they could not be decoded. */
    public long unreadableRows() {
        return unreadable.sum();
    }

    /** Dialogs with a change not yet written. */
    public int pendingChanges() {
        return pending.size();
    }
}
