package io.callops.sip.header;

import io.callops.sip.SipParseException;
import io.callops.sip.uri.HostSyntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One Via header value (RFC 3261 §20.42): {@code SIP/2.0/UDP host:port;branch=...}.
 * Protocol name and transport are upper-cased (they are tokens compared ignoring case);
 * the host is kept as written, IPv6 with brackets.
 */
public final class Via {

    private static final String HEADER = "Via";

    private final String protocolName;
    private final String protocolVersion;
    private final String transport;
    private final String host;
    private final int port;
    private final Params params;

    private Via(String protocolName, String protocolVersion, String transport, String host, int port, Params params) {
        this.protocolName = protocolName;
        this.protocolVersion = protocolVersion;
        this.transport = transport;
        this.host = host;
        this.port = port;
        this.params = params;
    }

    /** Builds a SIP/2.0 Via with the given transport, sent-by and branch. */
    public static Via of(String transport, String host, int port, String branch) {
        Via via = parse("SIP/2.0/" + transport + " " + host + (port >= 0 ? ":" + port : ""));
        return branch == null ? via : via.withParam("branch", branch);
    }

    /** Parses a single via-parm; use {@link #parseAll} for a comma-separated header value. */
    public static Via parse(CharSequence value) {
        HeaderCursor c = new HeaderCursor(HEADER, value);
        // sent-protocol = protocol-name SLASH protocol-version SLASH transport; SLASH allows LWS around it
        String name = c.token("protocol name");
        c.expect('/', "after protocol name");
        String version = c.token("protocol version");
        c.expect('/', "after protocol version");
        String transport = c.token("transport");
        c.skipLws();
        String host = sentByHost(c);
        int port = -1;
        if (c.consume(':')) {
            port = port(c.digits("sent-by port"));
        }
        Params params = ParamsParser.parse(c);
        c.expectEnd();
        checkKnownParams(params);
        return new Via(name.toUpperCase(Locale.ROOT), version, transport.toUpperCase(Locale.ROOT), host, port, params);
    }

    /** Parses a header value that may hold several comma-separated via-parms. */
    public static List<Via> parseAll(CharSequence value) {
        List<Via> out = new ArrayList<>();
        for (String element : HeaderValues.splitCommas(value)) {
            out.add(parse(element));
        }
        return out;
    }

    private static String sentByHost(HeaderCursor c) {
        String text = c.text();
        int start = c.position();
        int end = start;
        if (c.peek() == '[' && !c.atEnd()) {
            end = text.indexOf(']', start);
            if (end < 0) {
                throw c.error("unterminated IPv6 reference in sent-by");
            }
            end++;
        } else {
            while (end < text.length() && isHostnameChar(text.charAt(end))) {
                end++;
            }
        }
        String host = text.substring(start, end);
        if (host.isEmpty()) {
            throw c.error("missing sent-by host");
        }
        if (!HostSyntax.isHost(host)) {
            throw c.error("invalid sent-by host '" + host + "'");
        }
        c.moveTo(end);
        return host;
    }

    private static boolean isHostnameChar(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '-';
    }

    private static boolean isDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }

    private static int port(String digits) {
        if (digits.length() > 5 || Integer.parseInt(digits) > 65535) {
            throw new SipParseException("Via: sent-by port " + digits + " out of range 0..65535");
        }
        return Integer.parseInt(digits);
    }

    /** The RFC 3261 §20.42 / RFC 3581 parameters have fixed value syntax; check it up front. */
    private static void checkKnownParams(Params params) {
        String rport = params.get("rport");
        if (rport != null && !rport.isEmpty()) {
            if (!isDigits(rport) || rport.length() > 5) {
                throw new SipParseException("Via: rport '" + rport + "' is not a port number");
            }
            port(rport);
        }
        String ttl = params.get("ttl");
        if (ttl != null && (!isDigits(ttl) || ttl.length() > 3
                || Integer.parseInt(ttl) > 255)) {
            throw new SipParseException("Via: ttl '" + ttl + "' is not in 0..255");
        }
        String received = params.get("received");
        if (received != null && !(HostSyntax.isHost(received) || HostSyntax.isIPv6(received))) {
            throw new SipParseException("Via: received '" + received + "' is not an address");
        }
        String branch = params.get("branch");
        if (branch != null && !HeaderCursor.isToken(branch)) {
            throw new SipParseException("Via: branch must be a token");
        }
        String maddr = params.get("maddr");
        if (maddr != null && !HostSyntax.isHost(maddr)) {
            throw new SipParseException("Via: maddr '" + maddr + "' is not a host");
        }
    }

    public String protocolName() {
        return protocolName;
    }

    public String protocolVersion() {
        return protocolVersion;
    }

    /** The transport in upper case: UDP, TCP, TLS, SCTP, WS, WSS or any extension token. */
    public String transport() {
        return transport;
    }

    public String host() {
        return host;
    }

    /** The sent-by port, or -1 when absent. */
    public int port() {
        return port;
    }

    /** host[:port] as it would be written. */
    public String sentBy() {
        return port < 0 ? host : host + ":" + port;
    }

    public Params params() {
        return params;
    }

    /** A parameter's unquoted value: "" for a flag, null when absent. */
    public String param(String name) {
        return params.get(name);
    }

    public String branch() {
        return params.get("branch");
    }

    public String received() {
        return params.get("received");
    }

    /** Whether rport is present, with or without a value (RFC 3581). */
    public boolean rportPresent() {
        return params.has("rport");
    }

    /** The rport value, or -1 when absent or a bare flag. */
    public int rport() {
        String v = params.get("rport");
        return v == null || v.isEmpty() ? -1 : Integer.parseInt(v);
    }

    public String maddr() {
        return params.get("maddr");
    }

    /** The ttl, or -1 when absent. */
    public int ttl() {
        String v = params.get("ttl");
        return v == null ? -1 : Integer.parseInt(v);
    }

    public Via withReceived(String address) {
        if (address != null && !(HostSyntax.isHost(address) || HostSyntax.isIPv6(address))) {
            throw new IllegalArgumentException("not an address: " + address);
        }
        return withParams(address == null ? params.without("received") : params.with("received", address));
    }

    /** Fills in rport (RFC 3581 §4); -1 leaves a bare flag. */
    public Via withRport(int port) {
        if (port < -1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        return withParams(params.with("rport", port < 0 ? null : Integer.toString(port)));
    }

    public Via withParam(String name, String value) {
        return withParams(params.with(name, value));
    }

    public Via withoutParam(String name) {
        return withParams(params.without(name));
    }

    private Via withParams(Params newParams) {
        return new Via(protocolName, protocolVersion, transport, host, port, newParams);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Via other && protocolName.equals(other.protocolName)
                && protocolVersion.equals(other.protocolVersion) && transport.equals(other.transport)
                && host.equalsIgnoreCase(other.host) && port == other.port && params.equals(other.params);
    }

    @Override
    public int hashCode() {
        return Objects.hash(protocolName, protocolVersion, transport, host.toLowerCase(Locale.ROOT), port, params);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(64).append(protocolName).append('/').append(protocolVersion)
                .append('/').append(transport).append(' ').append(sentBy());
        params.appendTo(out);
        return out.toString();
    }
}
