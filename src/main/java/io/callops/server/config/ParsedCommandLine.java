package io.callops.server.config;

/**
 * What the command line asks for: run with a config, or print something and exit. Kept free of
 * {@code System.exit} so that Main decides how to stop and tests can inspect the outcome.
 */
public sealed interface ParsedCommandLine {

    /** Start the proxy with this configuration. */
    record Run(ServerConfig config) implements ParsedCommandLine {}

    /**
     * Print {@code text} and exit with {@code exitCode}: 0 for --help, --version and
     * --print-config (print to stdout), {@link ConfigException#EXIT_CODE} for errors (print to stderr).
     */
    record Exit(int exitCode, String text) implements ParsedCommandLine {
        public boolean isError() {
            return exitCode != 0;
        }
    }
}
