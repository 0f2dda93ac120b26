package io.callops.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UdpWorkerPortsTest {

    @Test
    void eachThreadHasTheNextPort() {
        UdpWorkerPorts ports = new UdpWorkerPorts(5100, 3);
        assertThat(ports.enabled()).isTrue();
        assertThat(ports.port(0)).isEqualTo(5100);
        assertThat(ports.port(2)).isEqualTo(5102);
        assertThat(ports.contains(5099)).isFalse();
        assertThat(ports.contains(5100)).isTrue();
        assertThat(ports.contains(5102)).isTrue();
        assertThat(ports.contains(5103)).isFalse();
        assertThatThrownBy(() -> ports.port(3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void offMeansNoPortIsOne() {
        assertThat(UdpWorkerPorts.NONE.enabled()).isFalse();
        assertThat(UdpWorkerPorts.NONE.contains(0)).isFalse();
        assertThat(UdpWorkerPorts.NONE.contains(5060)).isFalse();
        assertThatThrownBy(() -> UdpWorkerPorts.NONE.port(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRangeMustFitBelow65536() {
        assertThat(new UdpWorkerPorts(65_534, 2).contains(65_535)).isTrue();
        assertThatThrownBy(() -> new UdpWorkerPorts(65_535, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65535 to 65536");
        assertThatThrownBy(() -> new UdpWorkerPorts(5100, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UdpWorkerPorts(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsDeriveThemFromTheThreadCount() {
        TransportSettings s = TransportSettings.DEFAULT.withIoThreads(4).withUdpWorkerPorts(6000);
        assertThat(s.udpWorkerPorts()).isEqualTo(new UdpWorkerPorts(6000, 4));
        assertThat(TransportSettings.DEFAULT.udpWorkerPorts()).isEqualTo(UdpWorkerPorts.NONE);
        assertThat(s.withMaxTcpConnections(5).withParserLimits(s.parserLimits()).udpWorkerPortBase()).isEqualTo(6000);
    }
}
