package io.callops.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Both stores keep the same contract; the SQLite one shares its file with other connections. */
@Timeout(30)
class EventSubscriptionStoreTest {
    @TempDir
    Path dir;

    private static void contract(SubscriptionStore store) {
        store.save(new StoredSubscription("E_A", "udp:127.0.0.1:9", 5_000));
        store.save(new StoredSubscription("E_A", "tcp:127.0.0.1:9", 1_000));
        store.save(new StoredSubscription("E_B", "udp:127.0.0.1:9", 9_000));
        store.save(new StoredSubscription("E_A", "udp:127.0.0.1:9", 7_000)); // refreshed in place
        store.remove("E_B", "udp:127.0.0.1:9");
        store.remove("E_B", "never:there");
        assertThat(store.loadUnexpired(1_000)).containsExactly(new StoredSubscription("E_A", "udp:127.0.0.1:9", 7_000));
        // What ended is gone for good, even when asked about an earlier time.
        assertThat(store.loadUnexpired(0)).containsExactly(new StoredSubscription("E_A", "udp:127.0.0.1:9", 7_000));
    }

    @Test
    void inMemoryStore() {
        try (SubscriptionStore store = new InMemorySubscriptionStore()) {
            contract(store);
        }
    }

    @Test
    void sqliteStoreCreatesItsDirectoriesKeepsRowsAcrossOpensAndUsesWal() throws Exception {
        Path file = dir.resolve("a/b/dialogs.db");
        try (SubscriptionStore store = SqliteSubscriptionStore.open(file)) {
            contract(store);
        }
        try (SubscriptionStore again = SqliteSubscriptionStore.open(file)) {
            assertThat(again.loadUnexpired(1_000)).containsExactly(new StoredSubscription("E_A", "udp:127.0.0.1:9", 7_000));
        }
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = other.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("wal");
        }
    }

    @Test
    void aWriteWaitsForAnotherConnectionsWriteInsteadOfFailing() throws Exception {
        Path file = dir.resolve("dialogs.db");
        try (SubscriptionStore store = SqliteSubscriptionStore.open(file);
             Connection dialogs = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement st = dialogs.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS dialogs (id TEXT PRIMARY KEY)");
            }
            dialogs.setAutoCommit(false);
            try (Statement st = dialogs.createStatement()) {
                st.execute("INSERT INTO dialogs VALUES ('d1')"); // holds the write lock until commit
            }
            CompletableFuture<Void> save = CompletableFuture.runAsync(
                    () -> store.save(new StoredSubscription("E_A", "udp:127.0.0.1:9", 5_000)));
            Thread.sleep(300);
            assertThat(save).as("waits for the other writer").isNotDone();
            dialogs.commit();
            save.get(5, TimeUnit.SECONDS);
            assertThat(store.loadUnexpired(0)).hasSize(1);
        }
    }

    @Test
    void storedRowsComeBackInTheOrderTheyWereMade() {
        try (SubscriptionStore store = SqliteSubscriptionStore.open(dir.resolve("order.db"))) {
            for (String s : List.of("udp:127.0.0.1:3", "udp:127.0.0.1:1", "udp:127.0.0.1:2")) {
                store.save(new StoredSubscription("E_A", s, 10_000));
            }
            assertThat(store.loadUnexpired(0)).extracting(StoredSubscription::socket)
                    .containsExactly("udp:127.0.0.1:3", "udp:127.0.0.1:1", "udp:127.0.0.1:2");
        }
    }
}
