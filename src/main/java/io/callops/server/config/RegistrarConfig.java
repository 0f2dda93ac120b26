package io.callops.server.config;

/**
 * Limits the registrar applies to REGISTER (RFC 3261 §10.3).
 *
 * @param minExpires        shorter requested expiries get 423 Interval Too Brief
 * @param maxExpires        longer requested expiries are cut down to this
 * @param defaultExpires    used when the REGISTER asks for no expiry
 * @param maxContactsPerAor more bindings for one address-of-record are refused
 */
public record RegistrarConfig(int minExpires, int maxExpires, int defaultExpires, int maxContactsPerAor) {
    public RegistrarConfig {
        Check.positive("registrar.min_expires", minExpires);
        Check.positive("registrar.max_expires", maxExpires);
        Check.positive("registrar.default_expires", defaultExpires);
        if (minExpires > maxExpires) {
            throw ConfigException.invalid("registrar.min_expires",
                    "must be <= registrar.max_expires (got " + minExpires + " > " + maxExpires + ")");
        }
        if (defaultExpires < minExpires || defaultExpires > maxExpires) {
            throw ConfigException.invalid("registrar.default_expires", "must be between registrar.min_expires and "
                    + "registrar.max_expires (got " + defaultExpires + ", range " + minExpires + ".." + maxExpires + ")");
        }
        Check.positive("registrar.max_contacts_per_aor", maxContactsPerAor);
    }
}
