package io.callops.server.config;

import io.callops.transport.IpLiterals;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * The management interface (HTTP/JSON).
 *
 * @param listen       {@code IP:PORT} or {@code [IPv6]:PORT}; loopback by default because the MI can end calls
 * @param token        bearer token the MI demands, or null for none
 * @param maxBodyBytes larger request bodies are refused
 */
public record MiConfig(String listen, String token, int maxBodyBytes) {
    public MiConfig {
        Check.notNull("mi.listen", listen);
        listen = listen.trim();
        parseListen(listen);
        if (token != null && (token.isEmpty() || Check.hasWhitespaceOrControl(token))) {
            throw ConfigException.invalid("mi.token", "must be non-empty without spaces, or null for no token");
        }
        Check.positive("mi.max_body_bytes", maxBodyBytes);
    }

    public InetSocketAddress listenAddress() {
        return parseListen(listen);
    }

    public boolean tokenRequired() {
        return token != null;
    }

    private static InetSocketAddress parseListen(String text) {
        String host;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf("]:");
            if (close < 0) {
                throw ConfigException.invalid("mi.listen", "must look like IP:PORT or [IPv6]:PORT (got '" + text + "')");
            }
            host = text.substring(1, close);
            port = text.substring(close + 2);
        } else {
            int c = text.lastIndexOf(':');
            if (c <= 0) {
                throw ConfigException.invalid("mi.listen", "must look like IP:PORT or [IPv6]:PORT (got '" + text + "')");
            }
            host = text.substring(0, c);
            port = text.substring(c + 1);
        }
        // An IP literal, like the SIP listen addresses: binding must not depend on DNS.
        if (!IpLiterals.isIpLiteral(host)) {
            throw ConfigException.invalid("mi.listen", "host must be an IP address (got '" + host + "')");
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw ConfigException.invalid("mi.listen", "port '" + port + "' is not a number");
        }
        Check.between("mi.listen port", p, 0, 65535);
        try {
            return new InetSocketAddress(InetAddress.getByName(host), p);
        } catch (UnknownHostException e) {
            throw ConfigException.invalid("mi.listen", e.getMessage());
        }
    }
}
