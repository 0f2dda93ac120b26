package io.callops.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.callops.sip.uri.Uri;
import io.callops.transport.ListenAddress;
import io.callops.transport.TransportType;
import io.callops.transport.UdpWorkerPorts;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OurAddressesWorkerPortsTest {
    private static final List<ListenAddress> LISTEN = List.of(
            new ListenAddress(TransportType.UDP, new InetSocketAddress("10.0.0.1", 5060)),
            new ListenAddress(TransportType.TCP, new InetSocketAddress("10.0.0.2", 5060)));

    @Test
    void theWorkersPortsOnAUdpHostAreOurs() {
        OurAddresses ours = new OurAddresses(LISTEN, Set.of(), new UdpWorkerPorts(5100, 2));
        assertThat(ours.isListenUri(Uri.parse("sip:10.0.0.1:5100;lr"))).isTrue();
        assertThat(ours.isListenUri(Uri.parse("sip:10.0.0.1:5101;lr"))).isTrue();
        assertThat(ours.isListenUri(Uri.parse("sip:10.0.0.1:5102;lr"))).as("past the last worker").isFalse();
        assertThat(ours.isListenUri(Uri.parse("sip:10.0.0.2:5100;lr"))).as("a TCP-only host").isFalse();
        assertThat(ours.isListenUri(Uri.parse("sip:10.0.0.9:5100;lr"))).as("another host").isFalse();
        assertThat(ours.isListenUri(Uri.parse("sip:10.0.0.1:5060;lr"))).isTrue();
        assertThat(ours.hostPorts()).containsExactly("10.0.0.1:5060", "10.0.0.1:5100", "10.0.0.1:5101", "10.0.0.2:5060");
    }

    @Test
    void withoutWorkerPortsOnlyTheListenAddressesAreOurs() {
        OurAddresses ours = new OurAddresses(LISTEN, Set.of());
        assertThat(ours.isListenUri(Uri.parse("sip:10.0.0.1:5100;lr"))).isFalse();
        assertThat(ours.hostPorts()).containsExactly("10.0.0.1:5060", "10.0.0.2:5060");
    }
}
