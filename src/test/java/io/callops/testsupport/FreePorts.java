package io.callops.testsupport;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Picks loopback ports that are currently free for both UDP and TCP. */
public final class FreePorts {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private FreePorts() {}

    /** One port free on 127.0.0.1 for both TCP and UDP (SIP uses the same number for both). */
    public static int udpAndTcp() {
        return udpAndTcp(1).get(0);
    }

    /** {@code count} distinct ports, each free on 127.0.0.1 for both TCP and UDP. */
    public static List<Integer> udpAndTcp(int count) {
        List<Integer> ports = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        int attempts = 0;
        while (ports.size() < count) {
            if (++attempts > 200 * count) {
                throw new IllegalStateException("no free UDP+TCP loopback port found");
            }
            try (ServerSocket tcp = new ServerSocket()) {
                tcp.setReuseAddress(false);
                tcp.bind(new InetSocketAddress(LOOPBACK, 0));
                int port = tcp.getLocalPort();
                if (!seen.add(port)) {
                    continue;
                }
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(LOOPBACK, port))) {
                    ports.add(port);
                } catch (IOException udpBusy) {
                    // try another one
                }
            } catch (IOException e) {
                // try again
            }
        }
        return ports;
    }
}
