package io.callops.mi;

/** Re-reads the static routes; the server implements it, the MI only triggers it. */
@FunctionalInterface
public interface RouteReloader {
    /**
     * @return how many routes are active now
     * @throws RuntimeException with a readable reason when the routes cannot be loaded; the old
     *                          routes then stay in use
     */
    int reload();
}
