package io.callops.dialog.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dialogs in one SQLite file (WAL), written behind: {@link #save} and {@link #delete} only
 * note the latest change of a dialog in a map and return; one writer thread wakes every
 * flush delay and writes everything noted in one transaction. A dialog changed ten times
 * between two rounds is written once. A failing disk is logged and counted, the changes
 * are kept for the next rounds (a bounded number of times), and calls never wait for it.
 */
public final class SqliteDialogStore implements DialogStore {
    private static final Logger log = LoggerFactory.getLogger(SqliteDialogStore.class);
    private static final Object DELETED = new Object();
    private static final int MAX_ATTEMPTS = 5;
    private static final long FLUSH_WAIT_MS = 10_000;

    private final Path path;
    private final Connection db;
    private final long flushDelayMs;
    private final int maxPending;
    private final ConcurrentHashMap<Long, Object> pending = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> flushWaiters = new ConcurrentLinkedQueue<>();
    private final LongAdder writes = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final Thread writer;
    private volatile boolean closing;
    private volatile long lastDropLogMs;
    private int failedRounds;

    private SqliteDialogStore(Path path, Connection db, long flushDelayMs, int maxPending) {
        this.path = path;
        this.db = db;
        this.flushDelayMs = flushDelayMs;
        this.maxPending = maxPending;
        this.writer = new Thread(this::writeLoop, "callops-dialog-store");
        this.writer.setDaemon(true);
    }

    /**
     * Opens (or creates) the store; a file that is not a usable SQLite database stops here
     * with a {@link DialogStoreException} naming it.
     */
    public static SqliteDialogStore open(Path path, long flushDelayMs, int maxPending) {
        Path file = path.toAbsolutePath();
        Connection c = null;
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            c = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout=5000");
                try (ResultSet r = s.executeQuery("PRAGMA quick_check")) {
                    String result = r.next() ? r.getString(1) : "no answer";
                    if (!"ok".equalsIgnoreCase(result)) {
                        throw new DialogStoreException("dialog store " + file + " is damaged: " + result);
                    }
                }
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("CREATE TABLE IF NOT EXISTS dialogs (id INTEGER PRIMARY KEY, callid TEXT NOT NULL, "
                        + "state INTEGER NOT NULL, expires INTEGER NOT NULL, data TEXT NOT NULL)");
                // Fails when a table of that name exists with another layout.
                s.executeQuery("SELECT id, callid, state, expires, data FROM dialogs LIMIT 0").close();
            }
            c.setAutoCommit(false);
            SqliteDialogStore store = new SqliteDialogStore(file, c, flushDelayMs, maxPending);
            store.writer.start();
            return store;
        } catch (SQLException | IOException e) {
            closeQuietly(c);
            throw new DialogStoreException("cannot open the dialog store " + file + ": " + e.getMessage(), e);
        } catch (DialogStoreException e) {
            closeQuietly(c);
            throw e;
        }
    }

    @Override
    public void save(DialogRecord dialog) {
        note(dialog.id(), dialog);
    }

    @Override
    public void delete(long dialogId) {
        note(dialogId, DELETED);
    }

    private void note(long id, Object change) {
        if (closing) return;
        if (pending.size() >= maxPending && !pending.containsKey(id)) {
            dropped.increment();
            long now = System.currentTimeMillis();
            if (now - lastDropLogMs > 1000) {
                lastDropLogMs = now;
                log.warn("dialog store {} is behind ({} changes pending); dropping changes", path, pending.size());
            }
            return;
        }
        pending.put(id, change);
        if (flushDelayMs == 0) LockSupport.unpark(writer);
    }

    @Override
    public List<DialogRecord> loadAll() {
        List<DialogRecord> out = new ArrayList<>();
        int unreadable = 0;
        synchronized (db) {
            try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT id, data FROM dialogs")) {
                while (r.next()) {
                    try {
                        out.add(DialogRecordCodec.decode(r.getString(2)));
                    } catch (IOException | RuntimeException e) {
                        unreadable++;
                        log.warn("dialog {} in {} cannot be read and is skipped: {}", r.getLong(1), path, e.getMessage());
                    }
                }
                db.commit();
            } catch (SQLException e) {
                throw new DialogStoreException("cannot read the dialog store " + path + ": " + e.getMessage(), e);
            }
        }
        log.info("dialog store {}: {} dialogs read, {} unreadable", path, out.size(), unreadable);
        return out;
    }

    private void writeLoop() {
        while (true) {
            boolean stop = closing;
            if (!stop) {
                if (flushDelayMs == 0) {
                    if (pending.isEmpty() && flushWaiters.isEmpty()) LockSupport.park(this);
                } else {
                    LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(flushDelayMs));
                }
            }
            List<CompletableFuture<Void>> waiting = new ArrayList<>();
            CompletableFuture<Void> w;
            while ((w = flushWaiters.poll()) != null) waiting.add(w);
            writeRound();
            waiting.forEach(f -> f.complete(null));
            if (stop) return;
        }
    }

    /** Takes every noted change and writes it in one transaction. */
    private void writeRound() {
        if (pending.isEmpty()) return;
        List<Map.Entry<Long, Object>> batch = new ArrayList<>(pending.size());
        for (Long id : pending.keySet()) {
            Object change = pending.remove(id);
            if (change != null) batch.add(Map.entry(id, change));
        }
        synchronized (db) {
            try (PreparedStatement upsert = db.prepareStatement(
                    "INSERT OR REPLACE INTO dialogs (id, callid, state, expires, data) VALUES (?, ?, ?, ?, ?)");
                 PreparedStatement remove = db.prepareStatement("DELETE FROM dialogs WHERE id = ?")) {
                for (Map.Entry<Long, Object> e : batch) {
                    if (e.getValue() == DELETED) {
                        remove.setLong(1, e.getKey());
                        remove.addBatch();
                    } else {
                        DialogRecord r = (DialogRecord) e.getValue();
                        upsert.setLong(1, r.id());
                        upsert.setString(2, r.callId());
                        upsert.setInt(3, r.state());
                        upsert.setLong(4, r.expiresEpochMs());
                        upsert.setString(5, DialogRecordCodec.encode(r));
                        upsert.addBatch();
                    }
                }
                upsert.executeBatch();
                remove.executeBatch();
                db.commit();
                writes.add(batch.size());
                failedRounds = 0;
            } catch (SQLException | RuntimeException e) {
                failures.increment();
                rollbackQuietly();
                failedRounds++;
                if (failedRounds < MAX_ATTEMPTS) {
                    // Keep the changes for the next round unless a newer one replaced them meanwhile.
                    for (Map.Entry<Long, Object> c : batch) pending.putIfAbsent(c.getKey(), c.getValue());
                    log.warn("dialog store {} write failed ({} changes kept for retry): {}", path, batch.size(),
                            e.getMessage());
                } else {
                    dropped.add(batch.size());
                    failedRounds = 0;
                    log.error("dialog store {} write failed {} times; {} changes dropped: {}", path, MAX_ATTEMPTS,
                            batch.size(), e.getMessage());
                }
            }
        }
    }

    private void rollbackQuietly() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // the connection is in trouble already; the next round tries again
        }
    }

    @Override
    public void flush() {
        if (!writer.isAlive()) return;
        CompletableFuture<Void> done = new CompletableFuture<>();
        flushWaiters.add(done);
        LockSupport.unpark(writer);
        try {
            done.get(FLUSH_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            log.warn("dialog store {} did not finish writing within {} ms", path, FLUSH_WAIT_MS);
        } catch (java.util.concurrent.ExecutionException e) {
            log.warn("dialog store {} flush failed: {}", path, e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (closing) return;
        closing = true;
        LockSupport.unpark(writer);
        try {
            writer.join(FLUSH_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (db) {
            closeQuietly(db);
        }
    }

    @Override
    public long failedWrites() {
        return failures.sum();
    }

    @Override
    public long writes() {
        return writes.sum();
    }

    /** Changes given up: the store was too far behind, or kept failing. */
    public long droppedChanges() {
        return dropped.sum();
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }
}
