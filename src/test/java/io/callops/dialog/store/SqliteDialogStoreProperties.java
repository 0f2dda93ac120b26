package io.callops.dialog.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SqliteDialogStoreProperties {

    /** Whatever the text and numbers, a record comes back from the file as it was saved. */
    @Property(tries = 10)
    void recordsComeBackFromTheFileAfterARestart(@ForAll("records") List<DialogRecord> records) throws IOException {
        Path dir = Files.createTempDirectory("dialog-store");
        try {
            Path file = dir.resolve("dialogs.db");
            Map<Long, DialogRecord> last = new LinkedHashMap<>();
            try (SqliteDialogStore store = SqliteDialogStore.open(file, 0, 1000)) {
                for (DialogRecord r : records) {
                    store.save(r);
                    last.put(r.id(), r);
                }
            }
            try (SqliteDialogStore store = SqliteDialogStore.open(file, 0, 1000)) {
                assertThat(store.loadAll()).containsExactlyInAnyOrderElementsOf(last.values());
            }
        } finally {
            deleteTree(dir);
        }
    }

    @Provide
    Arbitrary<List<DialogRecord>> records() {
        return DialogRecordArbitraries.records().list().ofMaxSize(40);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
