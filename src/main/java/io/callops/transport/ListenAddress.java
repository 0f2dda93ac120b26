package io.callops.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * A socket to listen on, written as in OpenSIPS {@code listen}: {@code udp:127.0.0.1:5060},
 * {@code tcp:[::1]:5060}. The host must be an IP literal: a proxy binds addresses, and a
 * name lookup at start-up would make the listen set depend on DNS.
 */
public record ListenAddress(TransportType transport, InetSocketAddress address) {

    public static ListenAddress parse(String text) {
        int c = text == null ? -1 : text.indexOf(':');
        if (c <= 0) {
            throw new IllegalArgumentException("listen address must look like udp:IP:PORT or tcp:IP:PORT, got: " + text);
        }
        TransportType t = TransportType.fromToken(text.substring(0, c));
        if (t == null) {
            throw new IllegalArgumentException("unknown transport '" + text.substring(0, c) + "' in listen address " + text
                    + " (udp or tcp)");
        }
        String rest = text.substring(c + 1);
        String host;
        String port;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0 || close + 1 >= rest.length() || rest.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("listen address " + text + ": IPv6 needs the form [addr]:port");
            }
            host = rest.substring(1, close);
            port = rest.substring(close + 2);
        } else {
            int lc = rest.lastIndexOf(':');
            if (lc <= 0) {
                throw new IllegalArgumentException("listen address " + text + " has no port");
            }
            host = rest.substring(0, lc);
            port = rest.substring(lc + 1);
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("listen address " + text + ": port '" + port + "' is not a number");
        }
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException("listen address " + text + ": port out of range");
        }
        if (!IpLiterals.isIpLiteral(host)) {
            throw new IllegalArgumentException("listen address " + text + ": host must be an IP address");
        }
        try {
            return new ListenAddress(t, new InetSocketAddress(InetAddress.getByName(host), p));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("listen address " + text + ": " + e.getMessage());
        }
    }

    /** The host as it goes into Via and Record-Route ({@code [::1]} for IPv6). */
    public String hostText() {
        return IpLiterals.uriHost(address.getAddress());
    }

    public int port() {
        return address.getPort();
    }

    @Override
    public String toString() {
        return transport.uriParam() + ":" + hostText() + ":" + port();
    }
}
