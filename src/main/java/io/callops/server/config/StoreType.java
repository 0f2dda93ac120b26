package io.callops.server.config;

import java.util.Locale;

/** Where dialogs are kept across restarts: an SQLite file, or nowhere (memory only). */
public enum StoreType {
    SQLITE,
    NONE;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static StoreType parse(String key, String text) {
        for (StoreType t : values()) {
            if (t.configName().equalsIgnoreCase(text.trim())) {
                return t;
            }
        }
        throw ConfigException.invalid(key, "must be sqlite or none (got '" + text + "')");
    }
}
