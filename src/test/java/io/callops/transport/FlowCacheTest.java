package io.callops.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class FlowCacheTest {
    private final InetSocketAddress local = new InetSocketAddress("127.0.0.1", 5060);
    private final FlowCache cache = new FlowCache(TransportType.UDP, local);

    @Test
    void equalPeerAddressesShareOneFlow() {
        Flow a = cache.flowTo(new InetSocketAddress("127.0.0.2", 5070));
        Flow b = cache.flowTo(new InetSocketAddress("127.0.0.2", 5070));
        assertThat(b).isSameAs(a);
        assertThat(a).isEqualTo(new Flow(TransportType.UDP, local, new InetSocketAddress("127.0.0.2", 5070), 0));
        assertThat(cache.flowTo(new InetSocketAddress("127.0.0.2", 5071))).isNotSameAs(a);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void manyPeersNeverGrowItPastItsBound() {
        for (int i = 0; i < FlowCache.MAX_PEERS * 3 + 7; i++) {
            Flow f = cache.flowTo(new InetSocketAddress("127.0.0.3", 1024 + i));
            assertThat(f.remote().getPort()).isEqualTo(1024 + i);
            assertThat(cache.size()).isLessThanOrEqualTo(FlowCache.MAX_PEERS);
        }
        // After a reset a peer gets a flow again, equal to the one it had.
        Flow again = cache.flowTo(new InetSocketAddress("127.0.0.3", 1024));
        assertThat(again.remote()).isEqualTo(new InetSocketAddress("127.0.0.3", 1024));
    }
}
