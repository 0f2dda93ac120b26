package io.callops.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callops.transport.TransportFixtures.RecordingHandler;
import io.callops.transport.TransportFixtures.SendCapture;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransportLifecycleTest {

    @Test
    void aBindFailureNamesTheAddressAndLeavesNothingOpen() throws Exception {
        int udpPort;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            udpPort = probe.getLocalPort();
        }
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String tcp = "tcp:127.0.0.1:" + busy.getLocalPort();
            NettySipTransport t = new NettySipTransport(
                    List.of(ListenAddress.parse("udp:127.0.0.1:" + udpPort), ListenAddress.parse(tcp)),
                    TransportSettings.DEFAULT, new RecordingHandler());
            assertThatThrownBy(t::start)
                    .isInstanceOf(TransportBindException.class)
                    .hasMessageContaining(tcp);
            // The UDP socket bound before the failure was closed again.
            try (DatagramSocket again = new DatagramSocket(udpPort, InetAddress.getLoopbackAddress())) {
                assertThat(again.getLocalPort()).isEqualTo(udpPort);
            }
            SendCapture sent = new SendCapture();
            t.send(TransportType.UDP, new InetSocketAddress(InetAddress.getLoopbackAddress(), udpPort), new byte[1], sent);
            assertThat(sent.await().error()).isInstanceOf(IllegalStateException.class);
            t.close();
        }
    }

    @Test
    void listenAddressesReportTheBoundPortsAndCloseIsIdempotent() {
        NettySipTransport t = TransportFixtures.start(new RecordingHandler(), "udp:127.0.0.1:0", "tcp:127.0.0.1:0");
        try {
            assertThat(t.listenAddresses()).hasSize(2);
            assertThat(t.listenAddresses()).allSatisfy(la -> assertThat(la.port()).isPositive());
            assertThat(t.localFor(TransportType.TCP).transport()).isEqualTo(TransportType.TCP);
        } finally {
            t.close();
            t.close();
        }
    }
}
