package io.callops.sip.uri;

import io.callops.sip.SipParseException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A tel URI (RFC 3966). The number keeps its visual separators as written; parameters keep
 * their order and written values, and are looked up ignoring case.
 */
public final class TelUri implements Uri {

    private final String number;
    private final List<UriParam> params;
    private final String original;

    private TelUri(String number, List<UriParam> params, String original) {
        this.number = number;
        this.params = List.copyOf(params);
        this.original = original;
    }

    /**
     * Parses "tel:" telephone-subscriber. A local number must carry phone-context
     * (RFC 3966 §5.1.5), a global number must hold at least one digit after '+'.
     */
    public static TelUri parse(CharSequence text) {
        String s = text.toString();
        if (s.length() < 4 || !s.regionMatches(true, 0, "tel:", 0, 4)) {
            throw new SipParseException("tel URI: must start with 'tel:'");
        }
        String rest = s.substring(4);
        int semi = rest.indexOf(';');
        String number = semi < 0 ? rest : rest.substring(0, semi);
        checkNumber(number);
        List<UriParam> params = new ArrayList<>();
        int pos = semi;
        while (pos >= 0) {
            int next = rest.indexOf(';', pos + 1);
            String item = next < 0 ? rest.substring(pos + 1) : rest.substring(pos + 1, next);
            params.add(parseParam(item));
            pos = next;
        }
        TelUri uri = new TelUri(number, params, s);
        if (!uri.global() && uri.param("phone-context") == null) {
            throw new SipParseException("tel URI: local number '" + number + "' needs a phone-context");
        }
        return uri;
    }

    /** Builds a global number such as "+1-212-555-0100", without parameters. */
    public static TelUri of(String globalNumber) {
        return parse("tel:" + globalNumber);
    }

    private static void checkNumber(String number) {
        boolean global = number.startsWith("+");
        String digits = global ? number.substring(1) : number;
        boolean sawDigit = false;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            boolean visual = c == '-' || c == '.' || c == '(' || c == ')';
            boolean digit = c >= '0' && c <= '9';
            boolean localExtra = !global && (UriEscaping.hexValue(c) >= 0 || c == '*' || c == '#');
            if (!visual && !digit && !localExtra) {
                throw new SipParseException("tel URI: invalid character '" + c + "' in number");
            }
            sawDigit |= digit || localExtra;
        }
        if (!sawDigit) {
            throw new SipParseException("tel URI: number has no digits");
        }
    }

    /** parameter = ";" pname ["=" pvalue ], pname = 1*( alphanum / "-" ) (RFC 3966 §3). */
    private static UriParam parseParam(String item) {
        int eq = item.indexOf('=');
        String name = eq < 0 ? item : item.substring(0, eq);
        String value = eq < 0 ? "" : item.substring(eq + 1);
        if (name.isEmpty()) {
            throw new SipParseException("tel URI: empty parameter name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!HostSyntax.isAlphanum(c) && c != '-') {
                throw new SipParseException("tel URI: invalid character '" + c + "' in parameter name");
            }
        }
        if (eq >= 0 && value.isEmpty()) {
            throw new SipParseException("tel URI: empty value for parameter '" + name + "'");
        }
        // isdn-subaddress allows any uric except ';' (RFC 3966 §3); other values are paramchar.
        String checked = name.equalsIgnoreCase("isub") ? value.replaceAll("[?@=,]", "") : value;
        if (UriEscaping.firstInvalid(checked, UriEscaping.Component.PARAM) >= 0) {
            throw new SipParseException("tel URI: invalid value for parameter '" + name + "'");
        }
        return new UriParam(name, value);
    }

    @Override
    public String scheme() {
        return "tel";
    }

    /** The number as written, with '+' when global and visual separators kept. */
    public String number() {
        return number;
    }

    public boolean global() {
        return number.startsWith("+");
    }

    /** A parameter's value as written: "" for a flag, null if absent. */
    public String param(String name) {
        for (UriParam p : params) {
            if (p.named(name)) {
                return p.value();
            }
        }
        return null;
    }

    public boolean hasParam(String name) {
        return param(name) != null;
    }

    public Map<String, String> params() {
        Map<String, String> map = new LinkedHashMap<>();
        params.forEach(p -> map.putIfAbsent(p.name(), p.value()));
        return map;
    }

    public String phoneContext() {
        return param("phone-context");
    }

    /** Digits only, no visual separators: the part RFC 3966 §4 compares. */
    private String bareNumber() {
        return number.replaceAll("[-.()]", "").toLowerCase(Locale.ROOT);
    }

    /** Value equality: number ignoring visual separators, parameters ignoring name case and order. */
    @Override
    public boolean equals(Object o) {
        return o instanceof TelUri other && bareNumber().equals(other.bareNumber())
                && normalizedParams().equals(other.normalizedParams());
    }

    @Override
    public int hashCode() {
        return Objects.hash(bareNumber(), normalizedParams());
    }

    private Map<String, String> normalizedParams() {
        Map<String, String> map = new TreeMap<>();
        params.forEach(p -> map.putIfAbsent(p.name().toLowerCase(Locale.ROOT), p.value().toLowerCase(Locale.ROOT)));
        return map;
    }

    @Override
    public String toString() {
        if (original != null) {
            return original;
        }
        StringBuilder out = new StringBuilder("tel:").append(number);
        for (UriParam p : params) {
            out.append(';').append(p.name());
            if (!p.value().isEmpty()) {
                out.append('=').append(p.value());
            }
        }
        return out.toString();
    }
}
