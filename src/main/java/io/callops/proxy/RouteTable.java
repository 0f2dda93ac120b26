package io.callops.proxy;

import io.callops.sip.uri.SipUri;
import io.callops.sip.uri.TelUri;
import io.callops.sip.uri.Uri;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Static routes: a Request-URI user prefix or a domain → the next hop URI. A domain entry
 * (a key containing a dot or naming a host) matches the Request-URI host exactly; any other
 * key is a prefix of the user part, the longest prefix winning. The table is immutable; a
 * reload swaps in a new one.
 */
public final class RouteTable {
    private final Map<String, String> byDomain = new LinkedHashMap<>();
    private final Map<String, String> byPrefix = new LinkedHashMap<>();
    private final Map<String, String> entries;

    public RouteTable(Map<String, String> entries) {
        this.entries = Map.copyOf(entries);
        for (Map.Entry<String, String> e : entries.entrySet()) {
            String key = e.getKey();
            String target = e.getValue();
            Uri u = Uri.parse(target); // fails early on a bad next hop
            if (!(u instanceof SipUri)) {
                throw new IllegalArgumentException("route " + key + ": next hop must be a sip: or sips: URI: " + target);
            }
            if (key.contains(".") || key.startsWith("[")) {
                byDomain.put(key.toLowerCase(Locale.ROOT), target);
            } else {
                byPrefix.put(key, target);
            }
        }
    }

    public static RouteTable empty() {
        return new RouteTable(Map.of());
    }

    public Map<String, String> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    /** The next hop for a Request-URI, if a route matches. */
    public Optional<String> lookup(String requestUri) {
        try {
            return lookup(Uri.parse(requestUri));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The next hop for a parsed Request-URI, if a route matches. */
    public Optional<String> lookup(Uri u) {
        if (byDomain.isEmpty() && byPrefix.isEmpty()) {
            return Optional.empty();
        }
        String user = null;
        if (u instanceof SipUri s) {
            user = s.userDecoded();
            String viaDomain = byDomain.get(s.host().toLowerCase(Locale.ROOT));
            if (viaDomain != null && (user == null || longestPrefix(user) == null)) {
                return Optional.of(viaDomain);
            }
        } else if (u instanceof TelUri t) {
            user = t.number();
        }
        if (user != null) {
            String best = longestPrefix(user);
            if (best != null) {
                return Optional.of(byPrefix.get(best));
            }
        }
        if (u instanceof SipUri s) {
            return Optional.ofNullable(byDomain.get(s.host().toLowerCase(Locale.ROOT)));
        }
        return Optional.empty();
    }

    private String longestPrefix(String user) {
        String best = null;
        for (String p : byPrefix.keySet()) {
            if (user.startsWith(p) && (best == null || p.length() > best.length())) {
                best = p;
            }
        }
        return best;
    }
}
