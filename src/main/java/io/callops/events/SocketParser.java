package io.callops.events;

import io.callops.sip.uri.HostSyntax;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Reads the four socket forms; every failure is an {@link InvalidSocketException}. */
final class SocketParser {
    private SocketParser() {}

    static EventSocket parse(String text) {
        if (text == null) {
            throw new InvalidSocketException("null", "missing");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("udp:")) {
            String rest = text.substring(4);
            return new EventSocket.Udp(host(text, rest), port(text, rest));
        }
        if (lower.startsWith("tcp:")) {
            String rest = text.substring(4);
            return new EventSocket.Tcp(host(text, rest), port(text, rest));
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return new EventSocket.Http(httpUri(text));
        }
        throw new InvalidSocketException(text, "unknown transport (use udp:, tcp:, http:// or https://)");
    }

    /** The host of {@code host:port}, lower-cased: names and IPv6 hex digits are case-insensitive. */
    private static String host(String socket, String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new InvalidSocketException(socket, "expected host:port");
        }
        String host = hostPort.substring(0, colon);
        if (!HostSyntax.isIPv6Reference(host) && !HostSyntax.isIPv4(host) && !HostSyntax.isHostname(host)) {
            throw new InvalidSocketException(socket, "'" + host + "' is not a host name or IP address"
                    + (host.indexOf(':') >= 0 && host.charAt(0) != '[' ? " (write IPv6 in brackets)" : ""));
        }
        return host.toLowerCase(Locale.ROOT);
    }

    private static int port(String socket, String hostPort) {
        String text = hostPort.substring(hostPort.lastIndexOf(':') + 1);
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidSocketException(socket, "port '" + text + "' is not a number between 1 and 65535");
        }
        int p = Integer.parseInt(text);
        if (p < 1 || p > 65535) {
            throw new InvalidSocketException(socket, "port " + p + " is not between 1 and 65535");
        }
        return p;
    }

    private static URI httpUri(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidSocketException(text, "not a valid URL: " + e.getReason());
        }
        // java.net.URI leaves the host null when the authority is not a server name (e.g. "a_b").
        String host = uri.getHost();
        if (host == null || !(HostSyntax.isHostname(host) || HostSyntax.isIPv4(host) || HostSyntax.isIPv6Reference(host))) {
            throw new InvalidSocketException(text, "the URL needs a host name or IP address");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new InvalidSocketException(text, "port must be between 1 and 65535");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidSocketException(text, "a URL with a #fragment cannot be posted to");
        }
        try {
            // Scheme and host are case-insensitive: one spelling keeps one subscription per URL.
            return new URI(uri.getScheme().toLowerCase(Locale.ROOT) + "://"
                    + (uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@")
                    + host.toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    + (uri.getRawPath() == null ? "" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (URISyntaxException e) {
            throw new InvalidSocketException(text, "not a valid URL: " + e.getReason());
        }
    }
}
