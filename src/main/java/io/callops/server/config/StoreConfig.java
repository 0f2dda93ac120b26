package io.callops.server.config;

import java.nio.file.Path;

/**
 * Persistence of dialogs, so a restart does not forget the calls in progress.
 *
 * @param type         sqlite or none
 * @param path         the SQLite file (its directory is created at start)
 * @param flushDelayMs changes are batched for this long before being written; 0 = write each change at once
 */
public record StoreConfig(StoreType type, Path path, int flushDelayMs) {
    public StoreConfig {
        Check.notNull("dialog.store.type", type);
        Check.notNull("dialog.store.path", path);
        if (type == StoreType.SQLITE && path.toString().isBlank()) {
            throw ConfigException.invalid("dialog.store.path", "must be set when dialog.store.type is sqlite");
        }
        Check.nonNegative("dialog.store.flush_delay_ms", flushDelayMs);
    }
}
