package io.callops.server.config;

import java.util.regex.Pattern;

/**
 * Which routing implementation to load.
 *
 * @param className fully qualified name of a class implementing the routing interface; empty = the built-in router
 */
public record RouterConfig(String className) {
    private static final Pattern JAVA_NAME =
            Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");

    public RouterConfig {
        className = className == null ? "" : className.trim();
        // Checked here, not when the class is loaded, so that a typo fails with the key named.
        if (!className.isEmpty() && !JAVA_NAME.matcher(className).matches()) {
            throw ConfigException.invalid("router.class", "is not a Java class name (got '" + className + "')");
        }
    }

    public boolean isDefault() {
        return className.isEmpty();
    }
}
