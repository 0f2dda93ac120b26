package io.callops.proxy;

import io.callops.sip.uri.SipUri;
import io.callops.sip.uri.Uri;
import io.callops.transport.TransportType;

/**
 * The host, port and transport a request must be sent to, read from a URI as RFC 3263 §4
 * does for the cases that need no NAPTR/SRV records: explicit transport parameter (else
 * UDP for sip:, TCP for sips: since TLS is not offered yet), maddr over host, port or 5060.
 */
public record NextHop(TransportType transport, String host, int port, boolean transportExplicit) {

    public static NextHop fromUri(Uri uri) {
        if (!(uri instanceof SipUri s)) {
            throw new IllegalArgumentException("cannot route to a non-SIP URI: " + uri);
        }
        String tp = s.transport();
        TransportType t = tp == null ? (s.secure() ? TransportType.TCP : TransportType.UDP) : TransportType.fromToken(tp);
        if (t == null) {
            throw new IllegalArgumentException("unsupported transport '" + tp + "' in " + uri);
        }
        String host = s.maddr() != null ? s.maddr() : s.host();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = s.port() > 0 ? s.port() : 5060;
        return new NextHop(t, host, port, tp != null);
    }

    public NextHop withTransport(TransportType t) {
        return new NextHop(t, host, port, transportExplicit);
    }
}
