package io.callops.server.config;

/**
 * One configuration key: where it sits in the YAML file, the command-line option that
 * overrides it, its type and its default.
 *
 * @param path         dotted YAML path, e.g. {@code sip.t1_ms}
 * @param option       the overriding command-line option, e.g. {@code --t1-ms}
 * @param kind         what kind of value the key holds
 * @param defaultValue the built-in default (Integer, Boolean, String, List or Map; null only for optional keys)
 * @param label        placeholder shown in --help
 * @param description  one line for --help
 */
public record ConfigKey(String path, String option, Kind kind, Object defaultValue, String label, String description) {

    /** Value kinds; each decides which YAML nodes are accepted and how the CLI option is typed. */
    public enum Kind {
        INT("an integer"),
        BOOL("true or false"),
        /** Any scalar, read as text (so {@code mode: 0} works as well as {@code mode: param}). */
        STRING("a string"),
        /** Like STRING, but null is allowed and means "not set". */
        OPTIONAL_STRING("a string or null"),
        /** A list of strings; repeatable on the command line. */
        LIST("a list of strings"),
        /** A map of string to string; repeatable {@code KEY=VALUE} on the command line. */
        MAP("a map of strings");

        private final String expected;

        Kind(String expected) {
            this.expected = expected;
        }

        public String expected() {
            return expected;
        }
    }

    /** The last segment of the path, as it appears in the YAML file. */
    public String name() {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
