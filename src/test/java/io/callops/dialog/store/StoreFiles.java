package io.callops.dialog.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Looks at and meddles with a store's file through a connection of its own, as another component would. */
final class StoreFiles {
    private StoreFiles() {
    }

    static Connection connect(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=5000");
        }
        return c;
    }

    static void execute(Path file, String... statements) throws SQLException {
        try (Connection c = connect(file); Statement s = c.createStatement()) {
            for (String sql : statements) s.execute(sql);
        }
    }

    static long count(Path file, String table) throws SQLException {
        try (Connection c = connect(file); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }
}
