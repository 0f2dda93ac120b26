package io.callops.sip.header;

import io.callops.sip.SipParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class ViaTest {

    @Test
    void parsesTypicalVia() {
        Via via = Via.parse("SIP/2.0/UDP pc33.atlanta.com:5066;branch=z9hG4bK776asdhds;received=192.0.2.1;rport=5070");
        assertThat(via.protocolName()).isEqualTo("SIP");
        assertThat(via.protocolVersion()).isEqualTo("2.0");
        assertThat(via.transport()).isEqualTo("UDP");
        assertThat(via.host()).isEqualTo("pc33.atlanta.com");
        assertThat(via.port()).isEqualTo(5066);
        assertThat(via.sentBy()).isEqualTo("pc33.atlanta.com:5066");
        assertThat(via.branch()).isEqualTo("z9hG4bK776asdhds");
        assertThat(via.received()).isEqualTo("192.0.2.1");
        assertThat(via.rportPresent()).isTrue();
        assertThat(via.rport()).isEqualTo(5070);
        assertThat(via.ttl()).isEqualTo(-1);
        assertThat(via.maddr()).isNull();
        assertThat(via.params().asMap()).containsExactly(entry("branch", "z9hG4bK776asdhds"),
                entry("received", "192.0.2.1"), entry("rport", "5070"));
        assertThat(via.toString()).isEqualTo(
                "SIP/2.0/UDP pc33.atlanta.com:5066;branch=z9hG4bK776asdhds;received=192.0.2.1;rport=5070");
    }

    @Test
    void toleratesLwsAndCase() {
        Via via = Via.parse("  sip / 2.0 / tcp\t host.example.com : 5060 ; Branch = z9hG4bKx ; RPORT  ");
        assertThat(via.protocolName()).isEqualTo("SIP");
        assertThat(via.transport()).isEqualTo("TCP");
        assertThat(via.port()).isEqualTo(5060);
        assertThat(via.branch()).isEqualTo("z9hG4bKx");
        assertThat(via.param("branch")).isEqualTo("z9hG4bKx");
        assertThat(via.rportPresent()).isTrue();
        assertThat(via.rport()).isEqualTo(-1);
        assertThat(via.toString()).isEqualTo("SIP/2.0/TCP host.example.com:5060;Branch=z9hG4bKx;RPORT");
    }

    @Test
    void rportAbsent() {
        Via via = Via.parse("SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bK");
        assertThat(via.rportPresent()).isFalse();
        assertThat(via.rport()).isEqualTo(-1);
        assertThat(via.port()).isEqualTo(-1);
        assertThat(via.transport()).isEqualTo("WSS");
    }

    @Test
    void ipv6SentByAndReceived() {
        Via via = Via.parse("SIP/2.0/UDP [2001:db8::9:1]:5060;received=[2001:db8::9:255];branch=z9hG4bKas3");
        assertThat(via.host()).isEqualTo("[2001:db8::9:1]");
        assertThat(via.port()).isEqualTo(5060);
        assertThat(via.received()).isEqualTo("[2001:db8::9:255]");
        Via bare = Via.parse("SIP/2.0/UDP [2001:db8::9:1];received=2001:db8::9:255;branch=z9hG4bKas3");
        assertThat(bare.received()).isEqualTo("2001:db8::9:255");
        assertThat(bare.port()).isEqualTo(-1);
        assertThat(bare.toString()).isEqualTo("SIP/2.0/UDP [2001:db8::9:1];received=2001:db8::9:255;branch=z9hG4bKas3");
    }

    @Test
    void withersFillReceivedAndRport() {
        Via via = Via.parse("SIP/2.0/UDP 10.0.0.1:5060;rport;branch=z9hG4bK1");
        Via stamped = via.withReceived("192.0.2.7").withRport(40000);
        assertThat(stamped.toString()).isEqualTo("SIP/2.0/UDP 10.0.0.1:5060;rport=40000;branch=z9hG4bK1;received=192.0.2.7");
        assertThat(via.received()).isNull();
        assertThat(Via.of("tls", "h.example", -1, "z9hG4bKq").toString()).isEqualTo("SIP/2.0/TLS h.example;branch=z9hG4bKq");
        assertThatThrownBy(() -> via.withReceived("not an ip")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parseAllSplitsCommas() {
        var vias = Via.parseAll("SIP/2.0/UDP a.example;branch=z9hG4bK1 , SIP/2.0/TCP [::1]:5061;branch=z9hG4bK2;ttl=3;maddr=224.0.1.75");
        assertThat(vias).hasSize(2);
        assertThat(vias.get(1).host()).isEqualTo("[::1]");
        assertThat(vias.get(1).ttl()).isEqualTo(3);
        assertThat(vias.get(1).maddr()).isEqualTo("224.0.1.75");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "SIP/2.0/UDP", "SIP/2.0/UDP ", "SIP/2.0 UDP host", "SIP//UDP host", "SIP/2.0/UDP host:",
        "SIP/2.0/UDP host:70000", "SIP/2.0/UDP [::1", "SIP/2.0/UDP [zz::1]", "SIP/2.0/UDP host;", "SIP/2.0/UDP host;branch=",
        "SIP/2.0/UDP host;rport=abc", "SIP/2.0/UDP host;ttl=300", "SIP/2.0/UDP host;received=bad_host",
        "SIP/2.0/UDP host extra", "SIP/2.0/UDP ho st", "SIP/2.0/UDP host;branch=\"a b\"", "SIP/2.0/UDP host,"})
    void rejectsMalformed(String value) {
        assertThatThrownBy(() -> Via.parseAll(value)).isInstanceOf(SipParseException.class);
    }

    @Test
    void errorNamesTheProblem() {
        assertThatThrownBy(() -> Via.parse("SIP/2.0/UDP ;branch=1")).hasMessageStartingWith("Via: missing sent-by host");
    }
}
