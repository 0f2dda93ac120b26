package io.callops.server.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Checks route tables ({@code prefix-or-domain -> next-hop SIP URI}). Shared by the main config
 * and {@link RoutesFile}, so a route is accepted or refused the same way at start and at reload.
 */
public final class Routes {
    private Routes() {}

    /**
     * Returns an unmodifiable copy in the given order, or throws naming the bad entry.
     *
     * @param key the config key the table came from, for messages ({@code routes})
     */
    public static Map<String, String> validated(String key, Map<String, String> routes) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : routes.entrySet()) {
            String k = e.getKey() == null ? "" : e.getKey().trim();
            if (k.isEmpty() || Check.hasWhitespaceOrControl(k)) {
                throw ConfigException.invalid(key, "route key must be a non-empty prefix or domain without spaces (got '"
                        + e.getKey() + "')");
            }
            String entryKey = key + "." + k;
            String target = e.getValue();
            if (target == null) {
                throw ConfigException.invalid(entryKey, "next hop must be a sip: or sips: URI (got nothing)");
            }
            checkTarget(entryKey, target.trim());
            out.put(k, target.trim());
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * A deliberately small check of a next-hop URI: scheme, host, optional numeric port. Full URI
     * parsing happens where the route is used; here we only catch what is plainly a typo.
     */
    static void checkTarget(String key, String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        int start;
        if (lower.startsWith("sip:")) {
            start = 4;
        } else if (lower.startsWith("sips:")) {
            start = 5;
        } else {
            throw ConfigException.invalid(key, "next hop must start with sip: or sips: (got '" + uri + "')");
        }
        String rest = uri.substring(start);
        int end = indexOfAny(rest, ";?");
        String hostport = end < 0 ? rest : rest.substring(0, end);
        int at = hostport.lastIndexOf('@');
        if (at >= 0) {
            hostport = hostport.substring(at + 1);
        }
        String host;
        String port = null;
        if (hostport.startsWith("[")) {
            int close = hostport.indexOf(']');
            if (close < 0) {
                throw ConfigException.invalid(key, "unclosed IPv6 reference in '" + uri + "'");
            }
            host = hostport.substring(1, close);
            String after = hostport.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw ConfigException.invalid(key, "unexpected '" + after + "' after host in '" + uri + "'");
                }
                port = after.substring(1);
            }
        } else {
            int c = hostport.indexOf(':');
            host = c < 0 ? hostport : hostport.substring(0, c);
            port = c < 0 ? null : hostport.substring(c + 1);
        }
        if (host.isEmpty() || Check.hasWhitespaceOrControl(host)) {
            throw ConfigException.invalid(key, "next hop has no host (got '" + uri + "')");
        }
        if (port != null) {
            int p;
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException ex) {
                throw ConfigException.invalid(key, "port '" + port + "' in '" + uri + "' is not a number");
            }
            if (p < 1 || p > 65535) {
                throw ConfigException.invalid(key, "port " + p + " in '" + uri + "' is out of range 1..65535");
            }
        }
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
