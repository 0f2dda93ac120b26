package io.callops.server.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Builds the effective {@link ServerConfig}: built-in defaults, then the YAML file (if any),
 * then overrides from the command line, then validation. Later layers win.
 */
public final class ConfigLoader {
    private ConfigLoader() {}

    /**
     * @param file      the YAML config file, or null to use only the defaults
     * @param overrides values by dotted key ({@code "sip.t1_ms" -> 250}); Integer, Boolean, String,
     *                  List of String or Map of String to String according to the key
     * @throws ConfigException naming the file, key or value at fault
     */
    public static ServerConfig load(Path file, Map<String, ?> overrides) {
        String yaml = file == null ? null : Yaml.readFile(file, "config file");
        return build(yaml, file == null ? null : file.toString(), overrides);
    }

    /** As {@link #load}, for YAML already in memory; {@code source} names it in messages. */
    public static ServerConfig fromYaml(String yaml, String source, Map<String, ?> overrides) {
        return build(yaml, source, overrides);
    }

    private static ServerConfig build(String yaml, String source, Map<String, ?> overrides) {
        ConfigTree tree = ConfigTree.defaults();
        if (yaml != null) {
            tree.overlayYaml(Yaml.parse(yaml, "config file " + source), source);
        }
        tree.overlay(overrides, "command line");
        ServerConfig config = ConfigBinder.bind(tree);
        if (config.routesFile() != null) {
            // Read once now so a broken routes file stops the start instead of surfacing at the first call.
            RoutesFile.load(config.routesFile());
        }
        return config;
    }
}
