package io.callops.proxy.registrar;

/**
 * Registrar limits, in seconds (RFC 3261 §10.3 steps 7 and 8).
 *
 * @param minExpires         shorter non-zero requests get 423 Interval Too Brief
 * @param maxExpires         longer requests are lowered to this
 * @param defaultExpires     used when neither the Contact nor the request says
 * @param maxContactsPerAor  more live bindings than this for one AOR get 403
 */
public record RegistrarSettings(long minExpires, long maxExpires, long defaultExpires, int maxContactsPerAor) {

    public RegistrarSettings {
        if (minExpires < 1 || minExpires > maxExpires) {
            throw new IllegalArgumentException("need 1 <= minExpires <= maxExpires: " + minExpires + ", " + maxExpires);
        }
        if (defaultExpires < minExpires || defaultExpires > maxExpires) {
            throw new IllegalArgumentException("defaultExpires must lie in minExpires..maxExpires: " + defaultExpires);
        }
        if (maxContactsPerAor < 1) {
            throw new IllegalArgumentException("maxContactsPerAor must be at least 1: " + maxContactsPerAor);
        }
    }

    /** 60 s minimum, 1 hour default (RFC 3261 §10.2.1.1 suggests 3600), 1 day maximum, 10 contacts. */
    public static RegistrarSettings defaults() {
        return new RegistrarSettings(60, 86_400, 3_600, 10);
    }
}
