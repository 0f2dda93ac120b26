package io.callops.dialog;

import io.callops.transport.Flow;
import io.callops.transport.RecentTexts;
import io.callops.transport.TransportType;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A flow written as text for the store and the MI ({@code udp 127.0.0.1:5060 10.0.0.1:5070}).
 * The connection id is left out: connections do not survive a restart, and a flow whose
 * connection is gone is sent to its remote address instead.
 */
final class FlowText {
    private FlowText() {
    }

    /** A peer's flow is the same in each of its calls, and written at each of their snapshots. */
    private static final RecentTexts<Flow> RECENT = new RecentTexts<>(16, FlowText::write);

    static String format(Flow f) {
        return f == null ? null : RECENT.of(f);
    }

    private static String write(Flow f) {
        return f.transport().uriParam() + ' ' + address(f.local()) + ' ' + address(f.remote());
    }

    /** The local side as the MI's {@code bind_addr} shows it ({@code udp:127.0.0.1:5060}). */
    static String bindAddress(Flow f) {
        return f == null ? "" : f.transport().uriParam() + ':' + address(f.local());
    }

    static Flow parse(String text) {
        if (text == null) return null;
        String[] p = text.split(" ");
        if (p.length != 3) throw new IllegalArgumentException("bad flow: " + text);
        TransportType t = TransportType.fromToken(p[0].toUpperCase(java.util.Locale.ROOT));
        if (t == null) throw new IllegalArgumentException("bad flow transport: " + text);
        return new Flow(t, socket(p[1]), socket(p[2]), -1);
    }

    private static String address(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? '[' + host + ']' : host) + ':' + a.getPort();
    }

    private static InetSocketAddress socket(String s) {
        int colon = s.lastIndexOf(':');
        String host = s.substring(0, colon);
        if (host.startsWith("[")) host = host.substring(1, host.length() - 1);
        try {
            // Only literals are ever written here, so this never reaches a resolver.
            return new InetSocketAddress(InetAddress.getByName(host), Integer.parseInt(s.substring(colon + 1)));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("bad flow address: " + s, e);
        }
    }
}
