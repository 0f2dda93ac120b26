package io.callops.mi;

import io.callops.proxy.ProxyStats;
import io.callops.txn.TxnStats;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The statistics the MI exposes, under the OpenSIPS names ({@code group:name}) so that existing
 * dashboards and {@code opensips-cli} queries keep working. Read on demand from the live counters.
 */
final class Statistics {
    private final Map<String, LongSupplier> byName;
    /** Statistics whose names are known only at run time (one per MI method called). */
    private final Supplier<Map<String, Long>> dynamic;

    private Statistics(Map<String, LongSupplier> byName, Supplier<Map<String, Long>> dynamic) {
        this.byName = Collections.unmodifiableMap(byName);
        this.dynamic = dynamic;
    }

    static Statistics core(CoreSources s) {
        ProxyStats proxy = s.proxyStats();
        TxnStats txn = s.txnStats();
        Map<String, LongSupplier> m = new LinkedHashMap<>();
        m.put("core:rcv_requests", () -> proxy.requestsByMethod().values().stream().mapToLong(Long::longValue).sum());
        m.put("core:rcv_replies", () -> {
            long n = 0;
            for (int c = 0; c <= 6; c++) {
                n += proxy.responsesReceived(c);
            }
            return n;
        });
        m.put("core:fwd_requests", proxy.forwardedRequests::sum);
        m.put("core:drop_requests", proxy.dropped::sum);
        m.put("core:err_requests", proxy.parseErrors::sum);
        m.put("tm:inuse_transactions", () -> txn.activeServer.sum() + txn.activeClient.sum());
        m.put("tm:retransmissions", txn.retransmissionsSent::sum);
        m.put("tm:timeouts", txn.timeouts::sum);
        m.put("usrloc:registered_contacts", s.location()::bindingCount);
        m.put("usrloc:registered_aors", s.location()::aorCount);
        m.put("net:tcp_connections", s.transportStats()::openTcpConnections);
        s.moreStatistics().forEach(m::putIfAbsent);
        return new Statistics(m, s.miRequests()::statistics);
    }

    /**
     * The values asked for, in catalogue order: {@code all}, a whole group ({@code core:}), a full
     * name ({@code tm:timeouts}) or a bare name ({@code timeouts}). Unknown names are skipped, as
     * OpenSIPS does.
     */
    Map<String, Long> select(Iterable<String> wanted) {
        Map<String, Long> out = new LinkedHashMap<>();
        byName.forEach((name, value) -> {
            if (wanted(name, wanted)) {
                out.put(name, value.getAsLong());
            }
        });
        dynamic.get().forEach((name, value) -> {
            if (wanted(name, wanted)) {
                out.put(name, value);
            }
        });
        return out;
    }

    private static boolean wanted(String name, Iterable<String> wanted) {
        String group = name.substring(0, name.indexOf(':') + 1);
        String bare = name.substring(group.length());
        for (String w : wanted) {
            if (w.equals("all") || w.equals(name) || w.equals(group) || w.equals(bare)) {
                return true;
            }
        }
        return false;
    }
}
