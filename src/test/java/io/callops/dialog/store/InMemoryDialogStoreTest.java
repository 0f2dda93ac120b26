package io.callops.dialog.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InMemoryDialogStoreTest {

    @Test
    void keepsNothingButCountsTheChanges() {
        InMemoryDialogStore store = new InMemoryDialogStore();
        store.save(DialogRecords.call(1, 0));
        store.save(DialogRecords.call(1, 1));
        store.delete(1);
        store.flush();

        assertThat(store.loadAll()).isEmpty();
        assertThat(store.writes()).isEqualTo(3);
        assertThat(store.failedWrites()).isZero();
    }
}
