package io.callops.sip.sipfrag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class SipFragProperties {

    @Property(tries = 2000)
    void arbitraryBytesParseOrFailWithSipFragParseException(@ForAll("noise") byte[] bytes) {
        try {
            SipFrag frag = SipFrag.parse(bytes, 0, bytes.length);
            assertThat(SipFrag.parse(frag.toBytes(), 0, frag.toBytes().length).toBytes()).isEqualTo(frag.toBytes());
        } catch (SipFragParseException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 500)
    void statusFragsRoundTrip(@ForAll @IntRange(min = 100, max = 699) int code, @ForAll("reasons") String reason) {
        SipFrag built = SipFrag.status(code, reason);
        byte[] bytes = built.toBytes();

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("SIP/2.0 " + code + " " + reason + "\r\n");
        SipFrag parsed = SipFrag.parse(bytes, 0, bytes.length);
        assertThat(parsed).isEqualTo(built);
        assertThat(parsed.isFinal()).isEqualTo(code >= 200);
    }

    @Provide
    Arbitrary<String> reasons() {
        return Arbitraries.strings().withCharRange('!', '~').withChars(' ', '\u00e9', '\u4e2d')
                .ofMaxLength(30)
                .map(String::strip);
    }

    @Provide
    Arbitrary<byte[]> noise() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> fragLike = Arbitraries.strings()
                .withChars("SIP/2.0 1234567890OKINVITE sip:@\r\n\t:;ab-")
                .ofMaxLength(200)
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> prefixed = Arbitraries.strings()
                .withChars("abcXY: \r\n\t-;=")
                .ofMaxLength(200)
                .map(s -> ("SIP/2.0 200 OK\r\n" + s).getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(random, fragLike, prefixed);
    }
}
