package io.callops.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

class IpLiteralsTest {

    @Test
    void writesIpv4AsIsAndIpv6InBracketsWithoutAScope() throws UnknownHostException {
        assertThat(IpLiterals.uriHost(InetAddress.getByName("192.0.2.7"))).isEqualTo("192.0.2.7");
        assertThat(IpLiterals.uriHost(InetAddress.getByName("::1"))).isEqualTo("[0:0:0:0:0:0:0:1]");
        assertThat(IpLiterals.uriHost(InetAddress.getByName("fe80::1%1"))).isEqualTo("[fe80:0:0:0:0:0:0:1]");
    }

    /** The texts are remembered by hash slot: addresses sharing a slot must never get each other's text. */
    @Test
    void rememberedTextsAlwaysBelongToTheirAddress() throws UnknownHostException {
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 200; i++) {
                String v4 = "10.0." + (i / 16) + "." + (i % 16 * 16); // every one lands in the same of 16 slots
                assertThat(IpLiterals.uriHost(InetAddress.getByName(v4))).isEqualTo(v4);
                assertThat(IpLiterals.uriHost(InetAddress.getByName("2001:db8::" + Integer.toHexString(i))))
                        .isEqualTo("[2001:db8:0:0:0:0:0:" + Integer.toHexString(i) + "]");
            }
        }
    }
}
