package io.callops.server.config;

import java.util.List;
import java.util.Locale;

/**
 * Logging: the level of the {@code io.callops} loggers, the line format, and whether full SIP
 * messages go to the {@code io.callops.sip.trace} logger.
 *
 * @param level    trace, debug, info, warn, error or off (stored in lower case)
 * @param format   text or json lines
 * @param sipTrace log every SIP message in full; off by default because it is large and holds personal data
 */
public record LogConfig(String level, LogFormat format, boolean sipTrace) {
    static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error", "off");

    public LogConfig {
        Check.notNull("log.level", level);
        level = level.trim().toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(level)) {
            throw ConfigException.invalid("log.level", "must be one of " + String.join(", ", LEVELS) + " (got '" + level + "')");
        }
        Check.notNull("log.format", format);
    }
}
