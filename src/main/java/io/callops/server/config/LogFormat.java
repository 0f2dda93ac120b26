package io.callops.server.config;

import java.util.Locale;

/** How log lines are written: plain text for people, JSON for log shippers. */
public enum LogFormat {
    TEXT,
    JSON;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static LogFormat parse(String key, String text) {
        for (LogFormat f : values()) {
            if (f.configName().equalsIgnoreCase(text.trim())) {
                return f;
            }
        }
        throw ConfigException.invalid(key, "must be text or json (got '" + text + "')");
    }
}
