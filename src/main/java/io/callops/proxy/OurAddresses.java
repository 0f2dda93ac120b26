package io.callops.proxy;

import io.callops.sip.uri.SipUri;
import io.callops.sip.uri.Uri;
import io.callops.transport.ListenAddress;
import io.callops.transport.TransportType;
import io.callops.transport.UdpWorkerPorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which URIs mean "this proxy": a listen address (host and port) in Route processing
 * (RFC 3261 §16.4), and a domain we are responsible for in request routing.
 */
public final class OurAddresses {
    private final List<ListenAddress> listen;
    private final Set<String> domains;
    private final UdpWorkerPorts workerPorts;
    private final List<String> hostPorts;

    public OurAddresses(List<ListenAddress> listen, Set<String> configuredDomains) {
        this(listen, configuredDomains, UdpWorkerPorts.NONE);
    }

    /** @param workerPorts the I/O threads' own UDP ports, ours on every UDP listen host */
    public OurAddresses(List<ListenAddress> listen, Set<String> configuredDomains, UdpWorkerPorts workerPorts) {
        this.workerPorts = Objects.requireNonNull(workerPorts, "workerPorts");
        this.listen = List.copyOf(listen);
        List<String> texts = new ArrayList<>();
        for (ListenAddress l : this.listen) {
            texts.add(l.hostText() + ':' + l.port());
            if (l.transport() == TransportType.UDP && workerPorts.enabled()) {
                for (int i = 0; i < workerPorts.count(); i++) {
                    texts.add(l.hostText() + ':' + workerPorts.port(i));
                }
            }
        }
        this.hostPorts = List.copyOf(texts);
        Set<String> d = new TreeSet<>();
        for (String s : configuredDomains) {
            d.add(s.toLowerCase(Locale.ROOT));
        }
        if (d.isEmpty()) {
            for (ListenAddress l : listen) {
                d.add(l.hostText().toLowerCase(Locale.ROOT));
            }
        }
        this.domains = Set.copyOf(d);
    }

    public List<ListenAddress> listen() {
        return listen;
    }

    public Set<String> domains() {
        return domains;
    }

    /**
     * Every host:port text this proxy puts in a Record-Route: the listen addresses, and the
     * I/O threads' own UDP ports on the UDP listen hosts.
     */
    public List<String> hostPorts() {
        return hostPorts;
    }

    /**
     * True when the URI points at one of our listen sockets (host and port, default 5060) or
     * at an I/O thread's own UDP port on a UDP listen host.
     */
    public boolean isListenUri(Uri uri) {
        if (!(uri instanceof SipUri s)) {
            return false;
        }
        String host = s.maddr() != null ? s.maddr() : s.host();
        int port = s.port() > 0 ? s.port() : (s.secure() ? 5061 : 5060);
        for (ListenAddress l : listen) {
            if (l.port() == port && sameHost(l.hostText(), host)) {
                return true;
            }
            if (l.transport() == TransportType.UDP && workerPorts.contains(port) && sameHost(l.hostText(), host)) {
                return true;
            }
        }
        // A Route naming our domain without a port is ours too (a common outbound-proxy setup).
        return s.port() <= 0 && domains.contains(host.toLowerCase(Locale.ROOT))
                && listen.stream().anyMatch(l -> l.port() == 5060);
    }

    /** True when the request URI's host is one of our domains (or our address on our port). */
    public boolean isOurDomain(Uri uri) {
        if (!(uri instanceof SipUri s)) {
            return false;
        }
        String host = s.host().toLowerCase(Locale.ROOT);
        if (!domains.contains(host)) {
            return isListenUri(s);
        }
        if (s.port() <= 0) {
            return true;
        }
        // An explicit port on one of our addresses must be one we listen on.
        return !isListenHost(host) || isListenUri(s);
    }

    /** A loop, not a stream: this runs for every request routed by domain. */
    private boolean isListenHost(String host) {
        for (ListenAddress l : listen) {
            if (sameHost(l.hostText(), host)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameHost(String a, String b) {
        return a.equalsIgnoreCase(b) || strip(a).equalsIgnoreCase(strip(b));
    }

    private static String strip(String h) {
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }
}
