package io.callops.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The configuration as a Jackson tree while it is being assembled: defaults first, then the
 * YAML file, then command-line overrides, each layer checked against {@link ConfigKeys}.
 * Working on a tree (rather than binding YAML straight to records) is what lets us name the
 * exact key and file in every error.
 */
final class ConfigTree {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();

    static ConfigTree defaults() {
        ConfigTree t = new ConfigTree();
        for (ConfigKey k : ConfigKeys.ALL) {
            t.put(k.path(), JSON.valueToTree(k.defaultValue()));
        }
        return t;
    }

    /** Lays a parsed YAML document over this tree, refusing unknown keys and wrong types. */
    void overlayYaml(JsonNode doc, String source) {
        if (doc == null || doc.isMissingNode() || doc.isNull()) {
            return; // an empty file means "all defaults"
        }
        if (!doc.isObject()) {
            throw new ConfigException("config file " + source + " must be a mapping of keys to values at the top level");
        }
        overlaySection("", doc, source);
    }

    private void overlaySection(String section, JsonNode node, String source) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String path = section.isEmpty() ? e.getKey() : section + "." + e.getKey();
            JsonNode value = e.getValue();
            ConfigKey key = ConfigKeys.byPath(path).orElse(null);
            if (key != null) {
                put(path, checked(key, value, source));
            } else if (ConfigKeys.isSection(path)) {
                if (isNothing(value)) {
                    continue; // "sip:" with nothing under it: keep the defaults
                }
                if (!value.isObject()) {
                    throw new ConfigException("config key " + path + " in " + source + ": expected a section with keys "
                            + String.join(", ", ConfigKeys.childrenOf(path)) + " (got " + describe(value) + ")");
                }
                overlaySection(path, value, source);
            } else {
                throw new ConfigException("unknown config key '" + path + "' in " + source + " (known keys: "
                        + String.join(", ", ConfigKeys.childrenOf(section)) + ")");
            }
        }
    }

    /** Lays programmatic overrides ({@code "sip.t1_ms" -> 250}) over this tree. */
    void overlay(Map<String, ?> overrides, String source) {
        for (Map.Entry<String, ?> e : overrides.entrySet()) {
            ConfigKey key = ConfigKeys.byPath(e.getKey())
                    .orElseThrow(() -> new ConfigException("unknown config key '" + e.getKey() + "' in " + source));
            put(key.path(), checked(key, JSON.valueToTree(e.getValue()), source));
        }
    }

    JsonNode get(String path) {
        JsonNode n = root;
        for (String part : path.split("\\.")) {
            n = n.path(part);
        }
        return n;
    }

    private void put(String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode n = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = n.get(parts[i]);
            n = child instanceof ObjectNode ? (ObjectNode) child : n.putObject(parts[i]);
        }
        n.set(parts[parts.length - 1], value);
    }

    private static JsonNode checked(ConfigKey key, JsonNode v, String source) {
        boolean ok;
        switch (key.kind()) {
            case INT: ok = v.isIntegralNumber() && v.canConvertToInt(); break;
            case BOOL: ok = v.isBoolean(); break;
            case STRING: ok = v.isValueNode() && !v.isNull(); break;
            case OPTIONAL_STRING: ok = v.isValueNode(); break;
            case LIST:
                if (isNothing(v)) {
                    return JSON.createArrayNode(); // "domains:" with nothing under it: an empty list
                }
                ok = v.isArray() && allScalars(v);
                break;
            case MAP:
                if (isNothing(v)) {
                    return JSON.createObjectNode(); // "routes:" with nothing under it: no routes
                }
                ok = v.isObject() && allScalars(v);
                break;
            default: throw new IllegalStateException(key.kind().toString());
        }
        if (!ok) {
            throw new ConfigException("config key " + key.path() + " in " + source + ": expected " + key.kind().expected()
                    + " (got " + describe(v) + ")");
        }
        return v;
    }

    /** A key written with nothing after the colon: YAML gives null or, via Jackson, an empty string. */
    private static boolean isNothing(JsonNode v) {
        return v.isNull() || (v.isTextual() && v.asText().isEmpty());
    }

    private static boolean allScalars(JsonNode container) {
        for (JsonNode item : container) {
            if (!item.isValueNode() || item.isNull()) {
                return false;
            }
        }
        return true;
    }

    private static String describe(JsonNode v) {
        if (v.isObject()) {
            return "a mapping";
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isNull()) {
            return "null";
        }
        return "'" + v.asText() + "'";
    }
}
