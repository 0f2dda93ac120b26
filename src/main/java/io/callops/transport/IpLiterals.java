package io.callops.transport;

import java.net.Inet6Address;
import io.callops.sip.uri.HostSyntax;
import java.net.InetAddress;

/** Recognises and writes IP literals without touching DNS. */
public final class IpLiterals {
    private IpLiterals() {}

    public static boolean isIpLiteral(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.indexOf(':') >= 0 ? HostSyntax.isIPv6(h) : HostSyntax.isIPv4(h);
    }

    /** An address with its text; immutable, so it may be shared between threads without a lock. */
    private record Written(InetAddress address, String text) {}

    /**
     * The last addresses written, by hash: the proxy writes its own few listen addresses into
     * every Via and Record-Route and compares them with every Route, and formatting one costs
     * several strings each time. A racy read sees either an old entry or a newer one, both
     * complete; a miss only formats again.
     */
    private static final Written[] RECENT = new Written[16];

    /** An address as it is written in a SIP URI or Via: IPv6 in brackets. */
    public static String uriHost(InetAddress a) {
        int slot = a.hashCode() & (RECENT.length - 1);
        Written w = RECENT[slot];
        if (w != null && w.address.equals(a)) {
            return w.text;
        }
        String text = format(a);
        RECENT[slot] = new Written(a, text);
        return text;
    }

    private static String format(InetAddress a) {
        String h = a.getHostAddress();
        int pct = h.indexOf('%');
        if (pct >= 0) {
            h = h.substring(0, pct);
        }
        return a instanceof Inet6Address ? "[" + h + "]" : h;
    }
}
