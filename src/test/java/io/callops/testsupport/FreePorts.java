package io.callops.testsupport;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks loopback ports that are currently free for both UDP and TCP. A port is handed out once
 * per test JVM: a test that picks its peers' ports and then starts a proxy (which picks its
 * own) would otherwise now and then get the same port twice, since a picked port is free
 * again until its user binds it.
 */
public final class FreePorts {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {}

    /** One port free on 127.0.0.1 for both TCP and UDP (SIP uses the same number for both). */
    public static int udpAndTcp() {
        return udpAndTcp(1).get(0);
    }

    /** {@code count} distinct ports, each free on 127.0.0.1 for both TCP and UDP. */
    public static List<Integer> udpAndTcp(int count) {
        List<Integer> ports = new ArrayList<>();
        int attempts = 0;
        while (ports.size() < count) {
            if (++attempts > 200 * count) {
                throw new IllegalStateException("no free UDP+TCP loopback port found");
            }
            int port = probe(0);
            if (port > 0 && HANDED_OUT.add(port)) {
                ports.add(port);
            }
        }
        return ports;
    }

    /**
     * A port free for TCP and UDP whose next port is free too, both handed out: for peers such
     * as baresip that also bind the next port (its TLS listener) without being asked.
     */
    public static int udpAndTcpWithNext() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = probe(0);
            if (port <= 0 || port >= 65535 || HANDED_OUT.contains(port) || HANDED_OUT.contains(port + 1)) {
                continue;
            }
            if (probe(port + 1) == port + 1 && HANDED_OUT.add(port)) {
                if (HANDED_OUT.add(port + 1)) {
                    return port;
                }
                HANDED_OUT.remove(port);
            }
        }
        throw new IllegalStateException("no pair of free UDP+TCP loopback ports found");
    }

    /** Binds {@code port} (0: any) on loopback for TCP, then the same number for UDP; the port, or -1 if either is taken. */
    private static int probe(int port) {
        try (ServerSocket tcp = new ServerSocket()) {
            tcp.setReuseAddress(false);
            tcp.bind(new InetSocketAddress(LOOPBACK, port));
            int bound = tcp.getLocalPort();
            if (HANDED_OUT.contains(bound)) {
                return -1;
            }
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(LOOPBACK, bound))) {
                return bound;
            }
        } catch (IOException busy) {
            return -1;
        }
    }
}
