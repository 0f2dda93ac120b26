package io.callops.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parameters of one call, always by name: positional calls are given the names of the
 * matching parameter set by {@link #bind}. Values are what JSON decodes to: String, Number,
 * Boolean, List, Map or null. Every accessor fails with -32602 naming the parameter.
 */
public final class MiParams {
    private final Map<String, Object> values;
    private final boolean positional;

    private MiParams(Map<String, Object> values, boolean positional) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.positional = positional;
    }

    public static MiParams named(Map<String, ?> values) {
        return new MiParams(new LinkedHashMap<>(values), false);
    }

    public static MiParams none() {
        return named(Map.of());
    }

    /**
     * Matches what the caller sent against the command's parameter sets.
     *
     * @param raw null (no params), a {@code Map<String, ?>} (named) or a {@code List<?>} (positional)
     */
    public static MiParams bind(List<List<String>> parameterSets, Object raw) {
        if (raw == null) {
            return bindNamed(parameterSets, Map.of());
        }
        if (raw instanceof Map<?, ?> m) {
            Map<String, Object> named = new LinkedHashMap<>();
            m.forEach((k, v) -> named.put(String.valueOf(k), v));
            return bindNamed(parameterSets, named);
        }
        if (raw instanceof List<?> list) {
            return bindPositional(parameterSets, list);
        }
        throw MiError.invalidParams("params must be an object or an array");
    }

    private static MiParams bindNamed(List<List<String>> sets, Map<String, Object> given) {
        List<String> closest = null;
        int closestDistance = Integer.MAX_VALUE;
        for (List<String> set : sets) {
            if (Set.copyOf(set).equals(given.keySet())) {
                return new MiParams(given, false);
            }
            int distance = difference(given.keySet(), set).size() + difference(set, given.keySet()).size();
            if (distance < closestDistance) {
                closest = set;
                closestDistance = distance;
            }
        }
        // Name the first thing that keeps the request from the nearest set, so the caller knows what to fix.
        List<String> unexpected = difference(given.keySet(), closest);
        if (!unexpected.isEmpty()) {
            return fail("Unexpected parameter '" + unexpected.get(0) + "'" + allowed(sets));
        }
        return fail("Missing parameter '" + difference(closest, given.keySet()).get(0) + "'" + allowed(sets));
    }

    private static MiParams bindPositional(List<List<String>> sets, List<?> given) {
        List<String> match = null;
        for (List<String> set : sets) {
            if (set.size() == given.size()) {
                if (match != null) {
                    return fail("Ambiguous call, use named parameters instead" + allowed(sets));
                }
                match = set;
            }
        }
        if (match == null) {
            List<String> longer = sets.stream().filter(s -> s.size() > given.size())
                    .min((a, b) -> Integer.compare(a.size(), b.size())).orElse(null);
            return longer != null
                    ? fail("Missing parameter '" + longer.get(given.size()) + "'" + allowed(sets))
                    : fail("Unexpected parameter at position " + (maxSize(sets) + 1) + allowed(sets));
        }
        Map<String, Object> named = new LinkedHashMap<>();
        for (int i = 0; i < match.size(); i++) {
            named.put(match.get(i), given.get(i));
        }
        return new MiParams(named, true);
    }

    private static int maxSize(List<List<String>> sets) {
        return sets.stream().mapToInt(List::size).max().orElse(0);
    }

    private static List<String> difference(java.util.Collection<String> a, java.util.Collection<String> b) {
        List<String> out = new ArrayList<>();
        for (String s : a) {
            if (!b.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    private static String allowed(List<List<String>> sets) {
        List<String> forms = new ArrayList<>();
        for (List<String> s : sets) {
            forms.add(s.isEmpty() ? "none" : String.join("+", s));
        }
        return " (allowed: " + String.join(" | ", forms) + ")";
    }

    private static MiParams fail(String data) {
        throw MiError.invalidParams(data);
    }

    /** Whether the caller sent the parameters by position. */
    public boolean positional() {
        return positional;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Set<String> names() {
        return values.keySet();
    }

    /**
     * The value as JSON decoded it (String, Number, Boolean, List, Map) or null, for parameters
     * whose shape the command decides itself.
     */
    public Object value(String name) {
        return values.get(name);
    }

    /** A required string; numbers are accepted and written as text, as the reference does. */
    public String string(String name) {
        return optionalString(name).orElseThrow(() -> MiError.invalidParams("Missing parameter '" + name + "'"));
    }

    public Optional<String> optionalString(String name) {
        Object v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof String s) {
            return Optional.of(s);
        }
        if (v instanceof Number n) {
            return Optional.of(n.toString());
        }
        throw MiError.invalidParams("Bad type for parameter '" + name + "'");
    }

    /** A required whole number, given as a JSON number or as decimal text. */
    public int integer(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw MiError.invalidParams("Missing parameter '" + name + "'");
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof java.math.BigInteger) {
            long l = ((Number) v).longValue();
            if (l == ((Number) v).doubleValue() && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
                return (int) l;
            }
        } else if (v instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                // answered below
            }
        }
        throw MiError.invalidParams("Parameter '" + name + "' must be an integer");
    }

    /** A required list of strings; a single string counts as a list of one. */
    public List<String> strings(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw MiError.invalidParams("Missing parameter '" + name + "'");
        }
        if (v instanceof String s) {
            return List.of(s);
        }
        if (v instanceof List<?> list) {
            List<String> out = new ArrayList<>(list.size());
            for (Object o : list) {
                if (!(o instanceof String s)) {
                    throw MiError.invalidParams("Bad type for parameter '" + name + "': items must be strings");
                }
                out.add(s);
            }
            return List.copyOf(out);
        }
        throw MiError.invalidParams("Bad type for parameter '" + name + "'");
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
