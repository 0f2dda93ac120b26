package io.callops.mi.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Set;

/**
 * Where the MI is and the token it wants, from {@code -o url=... -o token=...}, else from
 * {@code CALLOPS_MI_URL} and {@code CALLOPS_MI_TOKEN}, else the default address of callops
 * (also opensips-cli's default {@code url}).
 *
 * @param token the bearer token, or null to send none
 */
record MiEndpoint(URI uri, String token) {
    static final String DEFAULT_URL = "http://127.0.0.1:8888/mi";
    static final String URL_ENV = "CALLOPS_MI_URL";
    static final String TOKEN_ENV = "CALLOPS_MI_TOKEN";
    private static final Set<String> KEYS = Set.of("url", "token");

    /** @throws IllegalArgumentException naming what is wrong: an unknown key, a URL that is not http(s) */
    static MiEndpoint resolve(Map<String, String> options, Map<String, String> env) {
        for (String key : options.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown option '-o " + key + "=...' (known: url, token)");
            }
        }
        String url = firstSet(options.get("url"), env.get(URL_ENV), DEFAULT_URL);
        String token = firstSet(options.get("token"), env.get(TOKEN_ENV), null);
        return new MiEndpoint(parse(url), token);
    }

    private static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad MI url '" + url + "': " + e.getReason());
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("bad MI url '" + url + "': expected http://HOST:PORT/PATH, e.g. " + DEFAULT_URL);
        }
        return uri;
    }

    /** The first value that is set and not empty: an empty variable counts as unset, as in most shells' use. */
    private static String firstSet(String option, String variable, String fallback) {
        if (option != null && !option.isEmpty()) {
            return option;
        }
        if (variable != null && !variable.isEmpty()) {
            return variable;
        }
        return fallback;
    }
}
