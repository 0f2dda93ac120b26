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

    /**
     * The proxy writes its own few listen addresses into every Via and Record-Route and compares
     * them with every Route.
     */
    private static final RecentTexts<InetAddress> RECENT = new RecentTexts<>(16, IpLiterals::format);

    /** An address as it is written in a SIP URI or Via: IPv6 in brackets. */
    public static String uriHost(InetAddress a) {
        return RECENT.of(a);
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
