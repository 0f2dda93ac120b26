package io.callops.mi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * MI requests answered, by command and outcome, and the time spent answering them. Written by
 * the dispatcher, read by {@code get_statistics} and {@code GET /metrics}.
 *
 * <p>Keys are command names (an alias counts under its command's name) or {@link #UNKNOWN}
 * for every request that names no command, so the number of keys is bounded by the commands
 * registered, whatever clients send.
 */
public final class MiRequestStats {
    /** The key of requests for methods that do not exist, and of requests that name no method. */
    public static final String UNKNOWN = "unknown";

    private final ConcurrentHashMap<String, PerMethod> byMethod = new ConcurrentHashMap<>();

    /** Counters of one method; LongAdders because 200 clients may answer at once. */
    static final class PerMethod {
        final LongAdder ok = new LongAdder();
        final LongAdder error = new LongAdder();
        final LongAdder nanos = new LongAdder();

        long requests() {
            return ok.sum() + error.sum();
        }
    }

    /**
     * Records one answered request.
     *
     * @param method the command's name, or {@link #UNKNOWN}
     * @param ok     false when the answer was a JSON-RPC error
     */
    void record(String method, boolean ok, long elapsedNanos) {
        PerMethod m = byMethod.computeIfAbsent(method, k -> new PerMethod());
        (ok ? m.ok : m.error).increment();
        m.nanos.add(elapsedNanos);
    }

    /** The methods seen so far. */
    Set<String> methods() {
        return Collections.unmodifiableSet(byMethod.keySet());
    }

    /** The counters of one method seen so far. */
    PerMethod of(String method) {
        return byMethod.get(method);
    }

    /**
     * The {@code mi:} statistics, in the OpenSIPS {@code group:name} form: {@code mi:requests}
     * and {@code mi:errors} over all methods, then {@code mi:<method>_requests} and
     * {@code mi:<method>_errors} for each method called so far, by name.
     */
    Map<String, Long> statistics() {
        Map<String, Long> out = new LinkedHashMap<>();
        long requests = 0;
        long errors = 0;
        Map<String, PerMethod> sorted = new TreeMap<>(byMethod);
        for (PerMethod m : sorted.values()) {
            requests += m.requests();
            errors += m.error.sum();
        }
        out.put("mi:requests", requests);
        out.put("mi:errors", errors);
        sorted.forEach((method, m) -> {
            out.put("mi:" + method + "_requests", m.requests());
            out.put("mi:" + method + "_errors", m.error.sum());
        });
        return out;
    }
}
