package io.callops.server.config;

/**
 * Range checks shared by the config records. They live in one place so that every message
 * has the same shape and names the YAML key.
 */
final class Check {
    private Check() {}

    static int positive(String key, int value) {
        if (value <= 0) {
            throw ConfigException.invalid(key, "must be > 0 (got " + value + ")");
        }
        return value;
    }

    static int nonNegative(String key, int value) {
        if (value < 0) {
            throw ConfigException.invalid(key, "must be >= 0 (got " + value + ")");
        }
        return value;
    }

    static int between(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw ConfigException.invalid(key, "must be between " + min + " and " + max + " (got " + value + ")");
        }
        return value;
    }

    static <T> T notNull(String key, T value) {
        if (value == null) {
            throw ConfigException.invalid(key, "must be set");
        }
        return value;
    }

    /** RFC 3261 {@code token}: what a URI or header parameter name may be made of. */
    static boolean isToken(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-.!%*_+`'~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static boolean hasWhitespaceOrControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
