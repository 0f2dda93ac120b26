package io.callops.server.config;

/**
 * A configuration or command-line problem that must stop the start. The message is meant for
 * the operator as is, so it always names the offending key, option or file; Main prints it and
 * exits with {@link #EXIT_CODE}.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Exit code for usage and configuration errors (the BSD sysexits tradition of "usage" = 2). */
    public static final int EXIT_CODE = 2;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A value that has the right type but is not acceptable: {@code config key sip.t1_ms: must be > 0 (got -5)}. */
    public static ConfigException invalid(String key, String problem) {
        return new ConfigException("config key " + key + ": " + problem);
    }
}
