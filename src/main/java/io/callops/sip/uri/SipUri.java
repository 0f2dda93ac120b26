package io.callops.sip.uri;

import io.callops.sip.SipParseException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable SIP or SIPS URI (RFC 3261 §19.1).
 *
 * <p>User and password are kept as written (still escaped) because §19.1.4 compares them
 * after unescaping but the wire form must survive proxying untouched. Parameter and
 * header names and values are kept decoded; {@link #toString()} escapes them again.
 * A parsed URI that was never changed prints exactly the text it was parsed from.
 *
 * <p>Two notions of sameness exist: {@link #equivalentTo(SipUri)} is the RFC 3261 §19.1.4
 * comparison (order-insensitive, some parameters ignored when only one side has them),
 * which is not transitive and so cannot back {@code equals}. Java {@link #equals(Object)}
 * is plain value equality of the normalized form: same scheme, escape-normalized user
 * and password, host ignoring case, same port, the same parameters and headers in the
 * same order with names ignoring case.
 */
public final class SipUri implements Uri {

    private final boolean secure;
    private final String user;
    private final String password;
    private final String host;
    private final int port;
    private final List<UriParam> params;
    private final List<UriParam> headers;
    /** The parsed text, or null once anything changed. */
    private final String original;

    SipUri(boolean secure, String user, String password, String host, int port,
           List<UriParam> params, List<UriParam> headers, String original) {
        this.secure = secure;
        this.user = user;
        this.password = password;
        this.host = host;
        this.port = port;
        this.params = List.copyOf(params);
        this.headers = List.copyOf(headers);
        this.original = original;
    }

    /** Parses a sip: or sips: URI; the scheme is matched ignoring case. */
    public static SipUri parse(CharSequence text) {
        if (text == null) {
            throw new SipParseException("SIP URI: missing");
        }
        return SipUriParser.parse(text.toString());
    }

    /**
     * Builds a URI from decoded parts.
     *
     * @param user the user in decoded form, or null for none
     * @param port the port, or -1 for none
     */
    public static SipUri of(boolean secure, String user, String host, int port) {
        SipUri base = new SipUri(secure, null, null, checkHost(host), checkPort(port), List.of(), List.of(), null);
        return user == null ? base : base.withUser(user);
    }

    @Override
    public String scheme() {
        return secure ? "sips" : "sip";
    }

    public boolean secure() {
        return secure;
    }

    /** The user as written on the wire, still escaped; null if absent. */
    public String user() {
        return user;
    }

    /** The user with escapes decoded; null if absent. */
    public String userDecoded() {
        return user == null ? null : UriEscaping.unescape(user);
    }

    /** The password as written, still escaped; null if absent ("" if written as "user:@"). */
    public String password() {
        return password;
    }

    public String passwordDecoded() {
        return password == null ? null : UriEscaping.unescape(password);
    }

    /** The host as written; an IPv6 reference keeps its brackets. */
    public String host() {
        return host;
    }

    /** The port, or -1 when absent (absent is not the same as 5060, RFC 3261 §19.1.4). */
    public int port() {
        return port;
    }

    public String hostPort() {
        return port < 0 ? host : host + ":" + port;
    }

    /** A parameter's decoded value: "" for a flag such as {@code lr}, null if absent. */
    public String param(String name) {
        UriParam p = find(params, name);
        return p == null ? null : p.value();
    }

    public boolean hasParam(String name) {
        return find(params, name) != null;
    }

    /** All parameters in order, decoded; flags map to "". */
    public Map<String, String> params() {
        return toMap(params);
    }

    /** Embedded headers ({@code ?h=v&...}) in order, names and values decoded. */
    public Map<String, String> headers() {
        return toMap(headers);
    }

    /** Whether the URI embeds headers ({@code ?h=v}). */
    public boolean hasHeaders() {
        return !headers.isEmpty();
    }

    /** An embedded header's decoded value, name matched ignoring case; null if absent. */
    public String header(String name) {
        UriParam h = find(headers, name);
        return h == null ? null : h.value();
    }

    /** The transport parameter in lower case, or null. */
    public String transport() {
        String t = param("transport");
        return t == null ? null : t.toLowerCase(Locale.ROOT);
    }

    /** Loose routing flag (RFC 3261 §16.12.1.1). */
    public boolean lr() {
        return hasParam("lr");
    }

    public String maddr() {
        return param("maddr");
    }

    /** The ttl parameter, or -1 when absent or not a number in 0..255. */
    public int ttl() {
        String t = param("ttl");
        if (t == null || t.length() > 3 || !HostSyntax.allDigits(t)) {
            return -1;
        }
        int value = Integer.parseInt(t);
        return value <= 255 ? value : -1;
    }

    /** Sets a parameter (replacing one of the same name in place); a null or "" value makes a flag. */
    public SipUri withParam(String name, String value) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("parameter name must not be empty");
        }
        return new SipUri(secure, user, password, host, port,
                replaceOrAppend(params, new UriParam(name, value == null ? "" : value)), headers, null);
    }

    public SipUri withoutParam(String name) {
        if (!hasParam(name)) {
            return this;
        }
        List<UriParam> kept = new ArrayList<>(params);
        kept.removeIf(p -> p.named(name));
        return new SipUri(secure, user, password, host, port, kept, headers, null);
    }

    public SipUri withHost(String newHost) {
        return new SipUri(secure, user, password, checkHost(newHost), port, params, headers, null);
    }

    /** @param newPort the port, or -1 to remove it */
    public SipUri withPort(int newPort) {
        return new SipUri(secure, user, password, host, checkPort(newPort), params, headers, null);
    }

    /** Sets the user from its decoded form; null removes user and password. */
    public SipUri withUser(String decodedUser) {
        if (decodedUser != null && decodedUser.isEmpty()) {
            throw new IllegalArgumentException("user must not be empty; use null to remove it");
        }
        String escaped = decodedUser == null ? null : UriEscaping.escape(decodedUser, UriEscaping.Component.USER);
        return new SipUri(secure, escaped, decodedUser == null ? null : password, host, port, params, headers, null);
    }

    /** Sets the password from its decoded form; null removes it. Requires a user. */
    public SipUri withPassword(String decodedPassword) {
        if (user == null && decodedPassword != null) {
            throw new IllegalStateException("a password needs a user");
        }
        String escaped = decodedPassword == null ? null
                : UriEscaping.escape(decodedPassword, UriEscaping.Component.PASSWORD);
        return new SipUri(secure, user, escaped, host, port, params, headers, null);
    }

    public SipUri withSecure(boolean newSecure) {
        return new SipUri(newSecure, user, password, host, port, params, headers, null);
    }

    /** Sets an embedded header (replacing one of the same name in place). */
    public SipUri withHeader(String name, String decodedValue) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("header name must not be empty");
        }
        return new SipUri(secure, user, password, host, port, params,
                replaceOrAppend(headers, new UriParam(name, decodedValue == null ? "" : decodedValue)), null);
    }

    public SipUri withoutHeaders() {
        if (headers.isEmpty()) {
            return this;
        }
        return new SipUri(secure, user, password, host, port, params, List.of(), null);
    }

    /**
     * RFC 3261 §19.1.4 comparison: user and password escape-equivalent and case-sensitive,
     * host case-insensitive, ports equal (absent differs from 5060); user, ttl, method,
     * maddr and transport must appear in both or neither; other parameters only matter when
     * both sides have them; every header must appear in both with the same value.
     */
    public boolean equivalentTo(SipUri other) {
        if (other == null || secure != other.secure || port != other.port
                || !host.equalsIgnoreCase(other.host)
                || !Objects.equals(normalizedUser(), other.normalizedUser())
                || !Objects.equals(normalizedPassword(), other.normalizedPassword())) {
            return false;
        }
        for (String strict : List.of("user", "ttl", "method", "maddr", "transport")) {
            if (hasParam(strict) != other.hasParam(strict)) {
                return false;
            }
        }
        for (UriParam p : params) {
            String theirs = other.param(p.name());
            if (theirs != null && !theirs.equalsIgnoreCase(p.value())) {
                return false;
            }
        }
        return sameHeaderSet(other);
    }

    private boolean sameHeaderSet(SipUri other) {
        if (headers.size() != other.headers.size()) {
            return false;
        }
        List<UriParam> unmatched = new ArrayList<>(other.headers);
        for (UriParam h : headers) {
            int match = indexOfMatch(unmatched, h);
            if (match < 0) {
                return false;
            }
            unmatched.remove(match);
        }
        return true;
    }

    private static int indexOfMatch(List<UriParam> candidates, UriParam wanted) {
        for (int i = 0; i < candidates.size(); i++) {
            UriParam c = candidates.get(i);
            if (c.named(wanted.name()) && c.value().equals(wanted.value())) {
                return i;
            }
        }
        return -1;
    }

    private String normalizedUser() {
        return UriEscaping.normalize(user, UriEscaping.Component.USER);
    }

    private String normalizedPassword() {
        return UriEscaping.normalize(password, UriEscaping.Component.PASSWORD);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SipUri other)) {
            return false;
        }
        return secure == other.secure && port == other.port
                && host.equalsIgnoreCase(other.host)
                && Objects.equals(normalizedUser(), other.normalizedUser())
                && Objects.equals(normalizedPassword(), other.normalizedPassword())
                && normalizedList(params).equals(normalizedList(other.params))
                && normalizedList(headers).equals(normalizedList(other.headers));
    }

    @Override
    public int hashCode() {
        return Objects.hash(secure, port, host.toLowerCase(Locale.ROOT), normalizedUser(), normalizedPassword(),
                normalizedList(params), normalizedList(headers));
    }

    private static List<UriParam> normalizedList(List<UriParam> list) {
        List<UriParam> out = new ArrayList<>(list.size());
        for (UriParam p : list) {
            out.add(new UriParam(p.name().toLowerCase(Locale.ROOT), p.value()));
        }
        return out;
    }

    @Override
    public String toString() {
        if (original != null) {
            return original;
        }
        StringBuilder out = new StringBuilder(64).append(scheme()).append(':');
        if (user != null) {
            out.append(user);
            if (password != null) {
                out.append(':').append(password);
            }
            out.append('@');
        }
        out.append(hostPort());
        for (UriParam p : params) {
            out.append(';').append(UriEscaping.escape(p.name(), UriEscaping.Component.PARAM));
            if (!p.value().isEmpty()) {
                out.append('=').append(UriEscaping.escape(p.value(), UriEscaping.Component.PARAM));
            }
        }
        char separator = '?';
        for (UriParam h : headers) {
            out.append(separator).append(UriEscaping.escape(h.name(), UriEscaping.Component.HEADER))
                    .append('=').append(UriEscaping.escape(h.value(), UriEscaping.Component.HEADER));
            separator = '&';
        }
        return out.toString();
    }

    private static UriParam find(List<UriParam> list, String name) {
        for (int i = 0; i < list.size(); i++) { // indexed: no iterator per lookup
            UriParam p = list.get(i);
            if (p.named(name)) {
                return p;
            }
        }
        return null;
    }

    private static Map<String, String> toMap(List<UriParam> list) {
        Map<String, String> map = new LinkedHashMap<>();
        for (UriParam p : list) {
            map.putIfAbsent(p.name(), p.value());
        }
        return map;
    }

    private static List<UriParam> replaceOrAppend(List<UriParam> list, UriParam replacement) {
        List<UriParam> out = new ArrayList<>(list.size() + 1);
        boolean replaced = false;
        for (UriParam p : list) {
            if (p.named(replacement.name())) {
                if (!replaced) {
                    out.add(replacement);
                    replaced = true;
                }
            } else {
                out.add(p);
            }
        }
        if (!replaced) {
            out.add(replacement);
        }
        return Collections.unmodifiableList(out);
    }

    private static String checkHost(String host) {
        if (host == null || !HostSyntax.isHost(host)) {
            throw new IllegalArgumentException("invalid host: " + host);
        }
        return host;
    }

    private static int checkPort(int port) {
        if (port < -1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        return port;
    }
}
