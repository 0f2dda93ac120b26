package io.callops.server.config;

import io.callops.transport.ListenAddress;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole effective configuration of a callops process. Immutable and already validated:
 * whoever holds one can use it without further checks. Build it with {@link ConfigLoader} or
 * {@link CliOptions#parse}; {@link #defaults()} gives the out-of-the-box values.
 *
 * @param listen     sockets to listen on; never empty
 * @param domains    domains the proxy is responsible for as configured; empty = {@link #localDomains()} uses the listen hosts
 * @param routes     static routes, {@code prefix-or-domain -> next hop URI}, in file order
 * @param routesFile extra routes file, re-read by the MI {@code reload_routes} command; null = none
 */
public record ServerConfig(
        List<ListenAddress> listen,
        List<String> domains,
        Map<String, String> routes,
        Path routesFile,
        LogConfig log,
        SipConfig sip,
        RegistrarConfig registrar,
        RouterConfig router,
        MiConfig mi,
        DialogConfig dialog,
        EventsConfig events,
        CallopsConfig callops) {

    public ServerConfig {
        Check.notNull("listen", listen);
        if (listen.isEmpty()) {
            throw ConfigException.invalid("listen", "must list at least one address");
        }
        Set<ListenAddress> seen = new HashSet<>();
        for (ListenAddress a : listen) {
            if (!seen.add(a)) {
                throw ConfigException.invalid("listen", a + " is listed twice");
            }
        }
        listen = List.copyOf(listen);
        for (String d : Check.notNull("domains", domains)) {
            if (d == null || d.isBlank() || Check.hasWhitespaceOrControl(d)) {
                throw ConfigException.invalid("domains", "entries must be non-empty names without spaces (got '" + d + "')");
            }
        }
        domains = List.copyOf(domains);
        routes = Routes.validated("routes", Check.notNull("routes", routes));
        Check.notNull("log", log);
        Check.notNull("sip", sip);
        Check.notNull("registrar", registrar);
        Check.notNull("router", router);
        Check.notNull("mi", mi);
        Check.notNull("dialog", dialog);
        Check.notNull("events", events);
        Check.notNull("callops", callops);
    }

    /** The built-in defaults, as documented in docs/configuration.md. */
    public static ServerConfig defaults() {
        return ConfigLoader.load(null, Map.of());
    }

    /**
     * The hosts a request must be addressed to for the proxy to treat it as its own: the
     * configured {@code domains}, or when none are configured the listen hosts.
     */
    public Set<String> localDomains() {
        Set<String> out = new LinkedHashSet<>();
        if (domains.isEmpty()) {
            for (ListenAddress a : listen) {
                out.add(a.hostText());
            }
        } else {
            out.addAll(domains);
        }
        return Collections.unmodifiableSet(out);
    }

    public boolean hasRoutesFile() {
        return routesFile != null;
    }
}
