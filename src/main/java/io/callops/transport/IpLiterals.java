package io.callops.transport;

import java.net.Inet6Address;
import java.net.InetAddress;

/** Recognises and writes IP literals without touching DNS. */
public final class IpLiterals {
    private IpLiterals() {}

    public static boolean isIpLiteral(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.indexOf(':') >= 0) {
            for (int i = 0; i < h.length(); i++) {
                char c = h.charAt(i);
                if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                    return false;
                }
            }
            return true;
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /** An address as it is written in a SIP URI or Via: IPv6 in brackets. */
    public static String uriHost(InetAddress a) {
        String h = a.getHostAddress();
        int pct = h.indexOf('%');
        if (pct >= 0) {
            h = h.substring(0, pct);
        }
        return a instanceof Inet6Address ? "[" + h + "]" : h;
    }
}
