package io.callops.mi;

import io.callops.proxy.ProxyStats;
import io.callops.proxy.registrar.LocationService;
import io.callops.transport.TransportStats;
import io.callops.txn.TxnStats;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * What the core commands read and act on.
 *
 * @param blocking        where commands that touch files run, because the MI's I/O thread must not block
 * @param moreStatistics  counters of other layers for {@code get_statistics}, by full name
 *                        ({@code group:name}), listed after the core ones
 * @param miRequests      the MI's own request counters, filled by the MI server that serves these commands
 */
public record CoreSources(ProxyStats proxyStats, TxnStats txnStats, TransportStats transportStats,
                          LocationService location, RouteReloader routes, Executor blocking, Clock clock,
                          Map<String, LongSupplier> moreStatistics, MiRequestStats miRequests) {
    public CoreSources {
        Objects.requireNonNull(proxyStats, "proxyStats");
        Objects.requireNonNull(txnStats, "txnStats");
        Objects.requireNonNull(transportStats, "transportStats");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(routes, "routes");
        Objects.requireNonNull(blocking, "blocking");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(miRequests, "miRequests");
        moreStatistics = Collections.unmodifiableMap(new LinkedHashMap<>(moreStatistics)); // keeps their order
    }
}
