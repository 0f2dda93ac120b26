package io.callops.proxy.registrar;

import io.callops.sip.SipParseException;
import io.callops.sip.uri.SipUri;
import io.callops.sip.uri.Uri;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The location service of RFC 3261 §10: AOR to contact bindings, shared by all worker
 * threads. Each AOR maps to an immutable, sorted list that writers replace as a whole inside
 * {@link ConcurrentHashMap#compute}; readers only ever see a complete list and never wait.
 * Expired bindings stay in the lists until {@link #purgeExpired()} or the next write to the
 * AOR, but are filtered out of every read.
 */
public final class LocationService {

    private final ConcurrentHashMap<String, List<Binding>> bindings = new ConcurrentHashMap<>();
    private final LongSupplier nowMs;
    private final int maxContactsPerAor;

    /**
     * @param nowMs a monotonic millisecond clock, e.g. {@code () -> System.nanoTime() / 1_000_000}
     */
    public LocationService(LongSupplier nowMs, int maxContactsPerAor) {
        this.nowMs = Objects.requireNonNull(nowMs, "nowMs");
        if (maxContactsPerAor < 1) {
            throw new IllegalArgumentException("maxContactsPerAor must be at least 1: " + maxContactsPerAor);
        }
        this.maxContactsPerAor = maxContactsPerAor;
    }

    /**
     * The key bindings are stored under: {@code sip:user@host} with the user unescaped and the
     * host in lower case, without port or parameters, so that the URI forms §19.1.4 treats as
     * equal (and sips: next to sip:) reach the same bindings. Null for a non-SIP URI or a user
     * whose escapes are not UTF-8.
     */
    public static String aorKey(Uri uri) {
        if (!(uri instanceof SipUri sip)) {
            return null;
        }
        String host = sip.host().toLowerCase(Locale.ROOT);
        if (sip.user() == null) {
            return "sip:" + host;
        }
        try {
            return "sip:" + sip.userDecoded() + "@" + host;
        } catch (SipParseException e) {
            return null;
        }
    }

    /** Live bindings of the AOR, highest q first, then most recently registered first. */
    public List<Binding> lookup(String aorKey) {
        List<Binding> list = bindings.get(aorKey);
        return list == null ? List.of() : live(list, nowMs.getAsLong());
    }

    /** Every AOR with live bindings, sorted by AOR, for a management dump. */
    public Map<String, List<Binding>> snapshot() {
        long now = nowMs.getAsLong();
        Map<String, List<Binding>> out = new TreeMap<>();
        bindings.forEach((aor, list) -> {
            List<Binding> live = live(list, now);
            if (!live.isEmpty()) {
                out.put(aor, live);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** Live bindings over all AORs; walks the map, so meant for metrics, not per request. */
    public int bindingCount() {
        long now = nowMs.getAsLong();
        int n = 0;
        for (List<Binding> list : bindings.values()) {
            n += live(list, now).size();
        }
        return n;
    }

    /** AORs with at least one live binding. */
    public int aorCount() {
        long now = nowMs.getAsLong();
        int n = 0;
        for (List<Binding> list : bindings.values()) {
            if (!live(list, now).isEmpty()) {
                n++;
            }
        }
        return n;
    }

    /** Drops expired bindings and AORs left empty; the server calls this periodically. */
    public void purgeExpired() {
        long now = nowMs.getAsLong();
        for (String aor : bindings.keySet()) {
            bindings.computeIfPresent(aor, (k, list) -> {
                List<Binding> live = live(list, now);
                return live.isEmpty() ? null : live;
            });
        }
    }

    public int maxContactsPerAor() {
        return maxContactsPerAor;
    }

    /** The clock binding times are measured on. */
    public long nowMs() {
        return nowMs.getAsLong();
    }

    /** Applies a REGISTER atomically for its AOR; nothing changes unless the outcome is Applied. */
    UpdateOutcome apply(RegisterUpdate update) {
        long now = nowMs.getAsLong();
        UpdateOutcome[] outcome = new UpdateOutcome[1];
        bindings.compute(update.aorKey(), (aor, current) -> {
            List<Binding> live = current == null ? List.of() : live(current, now);
            outcome[0] = BindingMerge.merge(live, update, now, maxContactsPerAor);
            if (outcome[0] instanceof UpdateOutcome.Applied applied) {
                return applied.bindings().isEmpty() ? null : applied.bindings();
            }
            return current;
        });
        return outcome[0];
    }

    /** The unexpired part of a stored list; the list itself when nothing expired. */
    private static List<Binding> live(List<Binding> list, long now) {
        for (Binding b : list) {
            if (b.expiredAt(now)) {
                List<Binding> out = new ArrayList<>(list.size());
                for (Binding c : list) {
                    if (!c.expiredAt(now)) {
                        out.add(c);
                    }
                }
                return List.copyOf(out);
            }
        }
        return list;
    }
}
