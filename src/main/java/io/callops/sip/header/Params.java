package io.callops.sip.header;

import io.callops.sip.uri.HostSyntax;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, ordered list of header parameters ({@code ;name=value}). Names keep their
 * written case but are looked up ignoring case (RFC 3261 §7.3.1). Values are stored
 * unquoted; a value that was quoted, or that is not a plain token/host, is quoted again
 * when written.
 */
public final class Params {

    /**
     * One parameter.
     *
     * @param value the unquoted value, or null for a flag such as {@code lr} or {@code rport}
     * @param quoted whether to write the value as a quoted-string
     */
    public record Param(String name, String value, boolean quoted) {

        public Param {
            Objects.requireNonNull(name, "name");
        }

        boolean named(String other) {
            return name.equalsIgnoreCase(other);
        }
    }

    private static final Params EMPTY = new Params(List.of());

    private final List<Param> list;

    private Params(List<Param> list) {
        this.list = List.copyOf(list);
    }

    public static Params empty() {
        return EMPTY;
    }

    public static Params of(List<Param> params) {
        return params.isEmpty() ? EMPTY : new Params(params);
    }

    /** The unquoted value: "" for a flag, null when absent. */
    public String get(String name) {
        Param p = find(name);
        if (p == null) {
            return null;
        }
        return p.value() == null ? "" : p.value();
    }

    public boolean has(String name) {
        return find(name) != null;
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int size() {
        return list.size();
    }

    public List<Param> asList() {
        return list;
    }

    /** Name to unquoted value in order; flags map to "". */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (Param p : list) {
            map.putIfAbsent(p.name(), p.value() == null ? "" : p.value());
        }
        return map;
    }

    /** Sets a parameter, replacing a same-named one in place; null or "" makes a flag. */
    public Params with(String name, String value) {
        if (!HeaderCursor.isToken(name)) {
            throw new IllegalArgumentException("parameter name is not a token: " + name);
        }
        String v = value == null || value.isEmpty() ? null : value;
        Param replacement = new Param(name, v, v != null && !isPlainValue(v));
        List<Param> out = new ArrayList<>(list.size() + 1);
        boolean replaced = false;
        for (Param p : list) {
            if (!p.named(name)) {
                out.add(p);
            } else if (!replaced) {
                out.add(replacement);
                replaced = true;
            }
        }
        if (!replaced) {
            out.add(replacement);
        }
        return new Params(out);
    }

    public Params without(String name) {
        return withoutAll(List.of(name));
    }

    public Params withoutAll(Collection<String> names) {
        List<Param> out = new ArrayList<>(list);
        out.removeIf(p -> names.stream().anyMatch(p::named));
        return out.size() == list.size() ? this : of(out);
    }

    /** Writes {@code ;name=value} for each parameter, or "" when empty. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        appendTo(out);
        return out.toString();
    }

    void appendTo(StringBuilder out) {
        for (Param p : list) {
            out.append(';').append(p.name());
            if (p.value() != null) {
                out.append('=');
                if (p.quoted() || !isPlainValue(p.value())) {
                    appendQuoted(out, p.value());
                } else {
                    out.append(p.value());
                }
            }
        }
    }

    static void appendQuoted(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    /** gen-value = token / host: writable without quotes. */
    static boolean isPlainValue(String v) {
        if (v.startsWith("[") && v.endsWith("]")) {
            return HostSyntax.isIPv6Reference(v);
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!HeaderCursor.isTokenChar(c) && c != ':') {
                return false;
            }
        }
        return !v.isEmpty();
    }

    /** Equal when the same names (ignoring case) have the same values in the same order. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Params other && normalized().equals(other.normalized());
    }

    @Override
    public int hashCode() {
        return normalized().hashCode();
    }

    private List<List<String>> normalized() {
        List<List<String>> out = new ArrayList<>(list.size());
        for (Param p : list) {
            out.add(Arrays.asList(p.name().toLowerCase(Locale.ROOT), p.value()));
        }
        return out;
    }

    private Param find(String name) {
        for (Param p : list) {
            if (p.named(name)) {
                return p;
            }
        }
        return null;
    }
}
