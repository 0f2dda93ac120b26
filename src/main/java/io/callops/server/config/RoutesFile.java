package io.callops.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The optional routes file ({@code routes_file}): a YAML mapping of
 * {@code prefix-or-domain: sip:next-hop}, nothing else. Read at start and again by the MI
 * command {@code reload_routes}; a file that fails here leaves the caller's current table alone.
 */
public final class RoutesFile {
    private RoutesFile() {}

    /** Reads and validates the file; the result keeps the file's order and is unmodifiable. */
    public static Map<String, String> load(Path file) {
        String source = "routes file " + file;
        JsonNode doc = Yaml.parse(Yaml.readFile(file, "routes file"), source);
        Map<String, String> routes = new LinkedHashMap<>();
        if (doc == null || doc.isMissingNode() || doc.isNull()) {
            return Map.of(); // an empty file is an empty table, e.g. while being filled by a deploy script
        }
        if (!doc.isObject()) {
            throw new ConfigException(source + " must be a mapping of prefix-or-domain to sip: URI");
        }
        for (Map.Entry<String, JsonNode> e : doc.properties()) {
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw new ConfigException(source + ": route '" + e.getKey() + "' must map to a sip: URI string");
            }
            routes.put(e.getKey(), e.getValue().asText());
        }
        try {
            return Routes.validated("routes", routes);
        } catch (ConfigException e) {
            throw new ConfigException(e.getMessage() + " in " + source, e);
        }
    }

    /**
     * The table the router should use: the static {@code routes} first, then the file's entries.
     * The file wins on a shared key because it is the part operators change at run time.
     */
    public static Map<String, String> combine(Map<String, String> staticRoutes, Map<String, String> fileRoutes) {
        Map<String, String> out = new LinkedHashMap<>(staticRoutes);
        out.putAll(fileRoutes);
        return java.util.Collections.unmodifiableMap(out);
    }
}
