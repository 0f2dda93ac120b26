package io.callops.events;

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

/**
 * Subscriptions in the table {@code event_subscriptions} of the server's SQLite file, the one
 * dialogs are kept in. Other components open their own connections to the same file, hence
 * WAL (readers and one writer do not block each other) and a busy timeout (a writer waits
 * for another instead of failing at once).
 */
public final class SqliteSubscriptionStore implements SubscriptionStore {
    /** How long a write waits for another connection's write to finish. */
    static final int BUSY_TIMEOUT_MS = 5000;

    private final Path file;
    private final Connection db;

    private SqliteSubscriptionStore(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    /**
     * Opens (and if needed creates) the file and the table.
     *
     * @throws SubscriptionStoreException naming the file when it cannot be used
     */
    public static SqliteSubscriptionStore open(Path file) {
        Connection db = null;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            db = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement st = db.createStatement()) {
                st.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
                st.execute("PRAGMA journal_mode = WAL");
                st.execute("CREATE TABLE IF NOT EXISTS event_subscriptions ("
                        + "event TEXT NOT NULL, socket TEXT NOT NULL, expires_at INTEGER NOT NULL, "
                        + "PRIMARY KEY (event, socket))");
            }
            return new SqliteSubscriptionStore(file, db);
        } catch (IOException | SQLException e) {
            closeQuietly(db);
            throw new SubscriptionStoreException("event subscription store " + file + " cannot be opened: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<StoredSubscription> loadUnexpired(long nowMillis) {
        try {
            try (PreparedStatement del = db.prepareStatement("DELETE FROM event_subscriptions WHERE expires_at <= ?")) {
                del.setLong(1, nowMillis);
                del.executeUpdate();
            }
            List<StoredSubscription> out = new ArrayList<>();
            try (Statement st = db.createStatement();
                 ResultSet rs = st.executeQuery("SELECT event, socket, expires_at FROM event_subscriptions "
                         + "ORDER BY rowid")) {
                while (rs.next()) {
                    out.add(new StoredSubscription(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    @Override
    public synchronized void save(StoredSubscription s) {
        try (PreparedStatement st = db.prepareStatement("INSERT INTO event_subscriptions (event, socket, expires_at) "
                + "VALUES (?, ?, ?) ON CONFLICT (event, socket) DO UPDATE SET expires_at = excluded.expires_at")) {
            st.setString(1, s.event());
            st.setString(2, s.socket());
            st.setLong(3, s.expiresAtMillis());
            st.executeUpdate();
        } catch (SQLException e) {
            throw failure("written", e);
        }
    }

    @Override
    public synchronized void remove(String event, String socket) {
        try (PreparedStatement st = db.prepareStatement("DELETE FROM event_subscriptions WHERE event = ? AND socket = ?")) {
            st.setString(1, event);
            st.setString(2, socket);
            st.executeUpdate();
        } catch (SQLException e) {
            throw failure("written", e);
        }
    }

    private SubscriptionStoreException failure(String what, SQLException e) {
        return new SubscriptionStoreException("event subscription store " + file + " cannot be " + what + ": "
                + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        closeQuietly(db);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing is best effort: the data is already written
            }
        }
    }
}
