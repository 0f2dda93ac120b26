package io.callops.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void aPortWithItsNextIsFreeForBothTransportsAndNeitherIsHandedOutAgain() throws Exception {
        int port = FreePorts.udpAndTcpWithNext();
        for (int p : List.of(port, port + 1)) {
            try (ServerSocket tcp = new ServerSocket(); DatagramSocket udp = new DatagramSocket(null)) {
                tcp.bind(new InetSocketAddress(LOOPBACK, p));
                udp.bind(new InetSocketAddress(LOOPBACK, p));
            }
        }
        Set<Integer> later = new HashSet<>(FreePorts.udpAndTcp(200));
        later.add(FreePorts.udpAndTcpWithNext());
        assertThat(later).doesNotContain(port, port + 1).hasSize(201);
    }
}
