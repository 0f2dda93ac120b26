package io.callops.dialog.store;

import io.callops.dialog.store.PendingChanges.Change;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The store's tables in the SQLite file, through one connection: the checks made when the
 * file is opened, one transaction per batch of changes, and reading every dialog back.
 *
 * <p>The file is shared: other components keep their own tables in it through their own
 * connections. This class touches only {@code dialogs} and {@code dialog_store_meta}; WAL
 * lets their readers and writers go on while a batch is written, and the busy timeout makes
 * a write wait for another connection's write instead of failing at once.
 *
 * <p>Methods are synchronized: the writer thread and the start-up load share the connection.
 */
final class DialogTable implements AutoCloseable {
    /** The table layout this release writes; a file whose meta names a higher one is refused. */
    static final int SCHEMA = 1;
    /** How long a write waits for another connection's write before it fails (and is retried). */
    static final int BUSY_TIMEOUT_MS = 5000;

    private static final Logger log = LoggerFactory.getLogger(DialogTable.class);
    /**
     * Rows encoded and handed to SQLite at a time. A round can hold a second of changes, a
     * thousand rows and more at 1,000 calls/s; encoded all at once they stay alive, a megabyte or
     * more, until the last insert, and a young collection that falls in that time copies all of
     * it. In slices of this size only one slice is alive at a time.
     */
    private static final int ROWS_PER_BATCH = 64;
    private static final Set<String> COLUMNS = Set.of("id", "callid", "state", "expires", "data");
    /** Unreadable rows logged one by one at load; past that only their number. */
    private static final int UNREADABLE_LOGGED = 10;

    /** What a load found: the dialogs that could be read and how many rows could not. */
    record Loaded(List<DialogRecord> dialogs, int unreadable) {
    }

    private final Path file;
    private Connection db;
    /** The identity (device and inode) of the file the connection writes to. */
    private Object fileKey;
    /** Set when the file was found removed or replaced: the next write connects to the path again. */
    private boolean reconnect;

    private DialogTable(Path file, Connection db) {
        this.file = file;
        this.db = db;
        this.fileKey = fileKey(file);
    }

    /**
     * Opens the file (created with its directories when missing), checks that it is a sound
     * SQLite database whose dialog tables this release can use, and creates them if needed.
     *
     * @throws DialogStoreException naming the file and the cause, when any of that fails
     */
    static DialogTable open(Path path) {
        Path file = path.toAbsolutePath();
        return new DialogTable(file, connect(file));
    }

    private static Connection connect(Path file) {
        if (Files.isDirectory(file)) throw new DialogStoreException("dialog store " + file + " is a directory");
        createParent(file);
        Connection db = null;
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(BUSY_TIMEOUT_MS);
            db = config.createConnection("jdbc:sqlite:" + file);
            checkIntegrity(file, db);
            setJournal(file, db);
            prepareTables(file, db);
            return db;
        } catch (SQLException e) {
            closeQuietly(db);
            throw new DialogStoreException("dialog store " + file + " cannot be opened: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(db);
            throw e;
        }
    }

    /** The file's identity, or null when the file system does not give one. */
    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** True when the path no longer leads to the file the connection has open. */
    private boolean fileGone() {
        try {
            Object now = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return fileKey != null && !fileKey.equals(now);
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException e) {
            return false; // cannot tell; the write itself reports a file that cannot be used
        }
    }

    private static void createParent(Path file) {
        Path parent = file.getParent();
        if (parent == null) return;
        try {
            Files.createDirectories(parent);
        } catch (FileAlreadyExistsException e) {
            throw new DialogStoreException("dialog store " + file + ": " + e.getFile() + " is not a directory", e);
        } catch (AccessDeniedException e) {
            throw new DialogStoreException("dialog store " + file + ": no permission to create " + e.getFile(), e);
        } catch (IOException e) {
            throw new DialogStoreException("dialog store " + file + ": its directory cannot be created ("
                    + e.getMessage() + ")", e);
        }
    }

    /** Before anything is written: a damaged file is refused as it is, not made worse. */
    private static void checkIntegrity(Path file, Connection db) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("PRAGMA quick_check(3)")) {
            while (r.next()) problems.add(r.getString(1));
        }
        if (!problems.equals(List.of("ok"))) {
            throw new DialogStoreException("dialog store " + file + " is damaged (quick_check: "
                    + String.join("; ", problems) + ")");
        }
    }

    private static void setJournal(Path file, Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            try (ResultSet r = s.executeQuery("PRAGMA journal_mode=WAL")) {
                String mode = r.next() ? r.getString(1) : "unknown";
                if (!"wal".equalsIgnoreCase(mode)) {
                    // Still correct, only slower under contention: some file systems cannot share WAL memory.
                    log.warn("dialog store {} runs in journal mode {}: the file system does not allow WAL", file, mode);
                }
            }
            // With WAL a commit is safe against a crash without waiting for the disk; only the
            // last commits may be lost on power loss, which costs a dialog's latest state at worst.
            s.execute("PRAGMA synchronous=NORMAL");
        }
    }

    /** Creates or checks the tables and records the layout; the write also proves the file is writable. */
    private static void prepareTables(Path file, Connection db) throws SQLException {
        inTransaction(db, s -> {
            int stored = storedSchema(file, s);
            if (stored > SCHEMA) {
                throw new DialogStoreException("dialog store " + file + " was written by a newer release (layout "
                        + stored + "; this release reads up to " + SCHEMA + ")");
            }
            s.execute("CREATE TABLE IF NOT EXISTS dialog_store_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS dialogs (id INTEGER PRIMARY KEY, callid TEXT NOT NULL, "
                    + "state INTEGER NOT NULL, expires INTEGER NOT NULL, data TEXT NOT NULL)");
            checkColumns(file, s);
            s.execute("INSERT OR REPLACE INTO dialog_store_meta (name, value) VALUES ('schema', '" + SCHEMA + "')");
        });
    }

    /** The layout named in the meta table; 0 for a file without one (new, or shared but not yet ours). */
    private static int storedSchema(Path file, Statement s) throws SQLException {
        try (ResultSet t = s.executeQuery(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'dialog_store_meta'")) {
            if (!t.next()) return 0;
        }
        try (ResultSet r = s.executeQuery("SELECT value FROM dialog_store_meta WHERE name = 'schema'")) {
            if (!r.next()) return 0;
            String value = r.getString(1);
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new DialogStoreException("dialog store " + file + " names an unknown layout '" + value + "'");
            }
        }
    }

    private static void checkColumns(Path file, Statement s) throws SQLException {
        Map<String, Boolean> columns = new LinkedHashMap<>();
        try (ResultSet r = s.executeQuery("PRAGMA table_info(dialogs)")) {
            while (r.next()) columns.put(r.getString("name"), r.getInt("pk") > 0);
        }
        if (!columns.keySet().containsAll(COLUMNS) || !Boolean.TRUE.equals(columns.get("id"))) {
            throw new DialogStoreException("dialog store " + file + " has a table dialogs of another layout (columns "
                    + columns.keySet() + "; this release needs id as primary key, callid, state, expires, data)");
        }
    }

    /**
     * Writes the changes in one transaction: all of them or, on failure, none.
     *
     * @throws SQLException the write failed (busy, disk full, read-only, ...); the file is unchanged
     */
    synchronized void write(List<Change> batch) throws SQLException {
        checkFile();
        inTransaction(db, s -> {
            try (PreparedStatement put = db.prepareStatement(
                    "INSERT OR REPLACE INTO dialogs (id, callid, state, expires, data) VALUES (?, ?, ?, ?, CAST(? AS TEXT))");
                 PreparedStatement remove = db.prepareStatement("DELETE FROM dialogs WHERE id = ?")) {
                int queued = 0;
                for (Change c : batch) {
                    if (queueRow(c, put, remove) && ++queued == ROWS_PER_BATCH) {
                        put.executeBatch();
                        queued = 0;
                    }
                }
                put.executeBatch();
                remove.executeBatch();
            }
        });
    }

    /**
     * Adds one change to its statement's batch; true for a row to insert. A method of its own so
     * that it is compiled from the warm-up's thousands of rows: the loop above runs once per
     * round, and compiled as one piece with the encoding inlined it took the JIT a few hundred
     * milliseconds, under real load.
     */
    private static boolean queueRow(Change c, PreparedStatement put, PreparedStatement remove) throws SQLException {
        if (c.isDelete()) {
            remove.setLong(1, c.id());
            remove.addBatch();
            return false;
        }
        DialogRecord r = c.saved();
        put.setLong(1, r.id());
        put.setString(2, r.callId());
        put.setInt(3, r.state());
        put.setLong(4, r.expiresEpochMs());
        // The document's bytes, stored as TEXT by the statement's CAST (so that the file stays
        // readable with SQLite's JSON functions): a String would be encoded to UTF-8 once more.
        put.setBytes(5, DialogRecordCodec.encodeAscii(r));
        put.addBatch();
        return true;
    }

    /**
     * A file removed (or replaced) under an open connection still takes its writes, into an
     * inode no one will read again. That is reported as a failed write, and the next attempt
     * connects to the path anew, creating the file: what was in the old one is lost, but the
     * changes from then on are kept.
     */
    private void checkFile() throws SQLException {
        if (reconnect) {
            Connection fresh = connect(file);
            closeQuietly(db);
            db = fresh;
            fileKey = fileKey(file);
            reconnect = false;
            log.warn("dialog store {} was created again; dialogs not changed since are no longer kept", file);
            return;
        }
        if (fileGone()) {
            reconnect = true;
            throw new SQLException("the file was removed or replaced; it is opened again at the next attempt");
        }
    }

    /** What runs inside one transaction. */
    private interface Work {
        void run(Statement s) throws SQLException;
    }

    /**
     * Runs the work between {@code BEGIN IMMEDIATE} and {@code COMMIT}, or rolls it back.
     * IMMEDIATE takes the file's write lock at the start, where the busy timeout applies. The
     * statements are issued here rather than through the driver's auto-commit switch, which
     * begins the next transaction inside its commit and is left half switched when its BEGIN
     * fails on a busy file.
     */
    private static void inTransaction(Connection db, Work work) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                work.run(s);
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(s);
                throw e;
            }
        }
    }

    /** Every row, decoded; a row that cannot be decoded is logged and skipped. */
    synchronized Loaded readAll() {
        List<DialogRecord> dialogs = new ArrayList<>();
        int unreadable = 0;
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT id, data FROM dialogs ORDER BY id")) {
            while (r.next()) {
                try {
                    dialogs.add(DialogRecordCodec.decode(r.getString(2)));
                } catch (IOException e) {
                    unreadable++;
                    if (unreadable <= UNREADABLE_LOGGED) {
                        log.warn("dialog store {}: dialog {} cannot be read and is left out: {}", file, r.getLong(1),
                                e.getMessage());
                    }
                }
            }
        } catch (SQLException e) {
            throw new DialogStoreException("dialog store " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (unreadable > UNREADABLE_LOGGED) {
            log.warn("dialog store {}: {} dialogs in all cannot be read and are left out", file, unreadable);
        }
        return new Loaded(dialogs, unreadable);
    }

    Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        closeQuietly(db);
    }

    private static void rollbackQuietly(Statement s) {
        try {
            s.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // SQLite may have ended the transaction itself already; nothing of it was committed.
        }
    }

    private static void closeQuietly(Connection db) {
        if (db == null) return;
        try {
            db.close();
        } catch (SQLException ignored) {
            // Every commit is already in the file; closing only releases the handle.
        }
    }
}
