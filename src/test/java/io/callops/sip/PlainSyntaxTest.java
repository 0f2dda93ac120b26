package io.callops.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The forms phones and SIPp really send are recognised (so the validator skips their parse),
 * and the forms outside the plain subset are left to the full parsers.
 */
class PlainSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK-4711-1-0",           // SIPp
        "SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKc0a1b2c3d4e5f6;rport",  // a proxy's own, with rport asked
        "SIP/2.0/TCP 10.1.2.3:5080;rport=5080;received=192.0.2.7;branch=z9hG4bK77",
        "SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds",
        "SIP/2.0/UDP\t10.0.0.1;branch=z9hG4bK1;x-custom=a:b;flag",
    })
    void commonViasArePlain(String value) {
        assertThat(isPlainVia(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SIP/2.0/UDP [::1]:5060;branch=z9hG4bK1",          // IPv6: left to the parser
        "SIP/2.0/UDP 10.0.0.1 ;branch=z9hG4bK1",           // LWS before a parameter
        "SIP/2.0/UDP 10.0.0.1;branch=\"z9hG4bK1\"",        // quoted value
        "SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK1, SIP/2.0/UDP 10.0.0.2;branch=z9hG4bK2", // two in one line
        "SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK",             // only the magic cookie
        "SIP/2.0/UDP 10.0.0.1;ttl=16;branch=z9hG4bK1",     // ttl and maddr have their own syntax
        "SIP/2.0/UDP 10.0.0.1:65536;branch=z9hG4bK1",
        "SIP/2.0/UDP 10.0.0.300;branch=z9hG4bK1",
        "SIP/2.0/UDP 10.0.0.1;branch",
        "SIP/2.0/UDP 10.0.0.1;received",
        "SIP/2.0/UDP 10.0.0.1;rport=abc",
        "SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK1\r\n ;rport",  // folded
    })
    void otherViasAreLeftToTheParser(String value) {
        assertThat(isPlainVia(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sipp <sip:sipp@127.0.0.1:5061>;tag=4711SIPpTag001",   // SIPp From
        "service <sip:service@127.0.0.1:5060>",                // SIPp To
        "sip:sipp@127.0.0.1:5061",                             // SIPp Contact
        "\"Alice Liddell\" <sip:alice@atlanta.example.com>;tag=9fxced76sl",
        "<sip:bob@192.0.2.4:5070;transport=udp;lr>;expires=3600",
        "<sips:+15551234@example.com;user=phone>",
        "Bob <sip:bob@biloxi.example.com>;tag=a6c85cf;x",
        "sip:10.0.0.1;tag=1",
    })
    void commonAddressesArePlain(String value) {
        assertThat(isPlainAddress(value, false)).isTrue();
        assertThat(isPlainAddress(value, true)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<sip:alice@example.com>;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>\"", // quoted param
        "<sip:alice%20b@example.com>",          // escape
        "<sip:alice:secret@example.com>",       // password
        "<sip:alice@example.com?Subject=hi>",   // URI headers
        "<sip:alice@[::1]:5060>",               // IPv6
        "<tel:+15551234>",                      // other schemes
        "<SIP:alice@example.com>",              // upper-case scheme
        "\"A \\\"q\\\"\" <sip:a@example.com>",  // escaped quote in the display name
        "<sip:a@example.com>, <sip:b@example.com>", // a list
        "< sip:a@example.com>",                 // white space inside the brackets
        "*",
        "",
    })
    void otherAddressesAreLeftToTheParser(String value) {
        assertThat(isPlainAddress(value, true)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*x <sip:a@example.com>", "*x<sip:a@example.com>"})
    void aContactStartingWithAStarIsLeftToTheParserButAFromIsNot(String value) {
        assertThat(isPlainAddress(value, true)).isFalse();
        assertThat(isPlainAddress(value, false)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sip:service@127.0.0.1:5060", "sip:bob@example.com;transport=tcp", "sips:example.com"})
    void commonRequestUrisArePlain(String value) {
        byte[] b = value.getBytes(StandardCharsets.US_ASCII);
        assertThat(PlainSyntax.isPlainSipUri(b, 0, b.length)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sip:bob@example.com?x=y", "tel:+1555", "<sip:bob@example.com>", "sip:bob@example.com ",
        "sip:b%41@example.com", "sip:"})
    void otherRequestUrisAreLeftToTheParser(String value) {
        byte[] b = value.getBytes(StandardCharsets.US_ASCII);
        assertThat(PlainSyntax.isPlainSipUri(b, 0, b.length)).isFalse();
    }

    @Test
    void topViaIsPlainFromComparesTheSentByHostAndLooksForABareRport() {
        assertThat(request("SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK1").topViaIsPlainFrom("127.0.0.1")).isTrue();
        assertThat(request("SIP/2.0/UDP Host.Example.com;branch=z9hG4bK1").topViaIsPlainFrom("host.example.COM")).isTrue();
        assertThat(request("SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK1;rport=5061").topViaIsPlainFrom("127.0.0.1"))
                .isTrue();
        // a different host, a bare rport, a host that only starts the same: the Via needs filling in
        assertThat(request("SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK1").topViaIsPlainFrom("127.0.0.2")).isFalse();
        assertThat(request("SIP/2.0/UDP 127.0.0.1:5061;rport;branch=z9hG4bK1").topViaIsPlainFrom("127.0.0.1")).isFalse();
        assertThat(request("SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK1;RPort").topViaIsPlainFrom("127.0.0.1")).isFalse();
        assertThat(request("SIP/2.0/UDP 127.0.0.11;branch=z9hG4bK1").topViaIsPlainFrom("127.0.0.1")).isFalse();
        assertThat(request("SIP/2.0/UDP [::1]:5060;branch=z9hG4bK1").topViaIsPlainFrom("0:0:0:0:0:0:0:1")).isFalse();
    }

    @Test
    void anEditedTopViaIsNeverTakenFromTheBytes() {
        SipRequest r = request("SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK1");
        r.replaceFirstValue(HeaderName.VIA, "SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK1");
        assertThat(r.topViaIsPlainFrom("127.0.0.1")).isFalse();
    }

    private static SipRequest request(String via) {
        String text = "OPTIONS sip:a@example.com SIP/2.0\r\nVia: " + via + "\r\nFrom: <sip:b@example.com>;tag=1\r\n"
                + "To: <sip:a@example.com>\r\nCall-ID: c1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        ParseResult result = new SipParser().parse(text.getBytes(StandardCharsets.US_ASCII));
        return (SipRequest) ((ParseResult.Success) result).message();
    }

    private static boolean isPlainVia(String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        return PlainSyntax.isPlainVia(b, 0, b.length);
    }

    private static boolean isPlainAddress(String value, boolean contact) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        return PlainSyntax.isPlainNameAddr(b, 0, b.length, contact);
    }
}
