package io.callops.mi;

import io.callops.proxy.ProxyStats;
import io.callops.proxy.registrar.LocationService;
import io.callops.transport.TransportStats;
import io.callops.txn.TxnStats;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What the core commands read and act on.
 *
 * @param blocking   where commands that touch files run, because the MI's I/O thread must not block
 * @param miRequests the MI's own request counters, filled by the MI server that serves these commands
 */
public record CoreSources(ProxyStats proxyStats, TxnStats txnStats, TransportStats transportStats,
                          LocationService location, RouteReloader routes, Executor blocking, Clock clock,
                          MiRequestStats miRequests) {
    public CoreSources {
        Objects.requireNonNull(proxyStats, "proxyStats");
        Objects.requireNonNull(txnStats, "txnStats");
        Objects.requireNonNull(transportStats, "transportStats");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(routes, "routes");
        Objects.requireNonNull(blocking, "blocking");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(miRequests, "miRequests");
    }
}
