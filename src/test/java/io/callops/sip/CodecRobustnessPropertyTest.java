package io.callops.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * RFC 4475 §1: hostile or broken input must never break the element. Whatever the bytes,
 * the parser returns a result and the validator a verdict; neither throws.
 */
class CodecRobustnessPropertyTest {
    private final SipParser parser = new SipParser();
    private final RequestValidator validator = new RequestValidator(Set.of("path"));

    @Property(tries = 3000)
    void arbitraryBytesNeverThrow(@ForAll("noise") byte[] bytes) {
        exercise(bytes);
    }

    @Property(tries = 3000)
    void mutatedValidMessagesNeverThrow(@ForAll("mutated") byte[] bytes) {
        exercise(bytes);
    }

    /** Parses, then reads every field a proxy might read and runs every check. */
    private void exercise(byte[] bytes) {
        ParseResult r = parser.parse(bytes);
        assertThat(r).isNotNull();
        SipMessage m;
        if (r instanceof ParseResult.Failure f) {
            assertThat(f.reason()).isNotBlank();
            assertThat(validator.checkUnparseable(f)).isNotNull();
            m = f.partial();
            if (m == null) {
                return;
            }
        } else {
            m = ((ParseResult.Success) r).message();
            if (m instanceof SipRequest req) {
                assertThat(validator.checkRequest(req, false)).isNotNull();
                assertThat(validator.checkRequest(req, true)).isNotNull();
            } else {
                assertThat(validator.checkResponse((SipResponse) m)).isNotNull();
            }
        }
        m.callId();
        m.cseqNumber();
        m.cseqMethod();
        m.topViaBranch();
        m.fromTag();
        m.toTag();
        m.maxForwards();
        m.contentLength();
        m.headerValues(HeaderName.VIA);
        m.firstValue(HeaderName.ROUTE);
        m.startLine();
        assertThat(m.toBytes()).isNotNull();
    }

    @Provide
    Arbitrary<byte[]> noise() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
        Arbitrary<byte[]> sipAlphabet = Arbitraries.strings()
                .withChars("INVITE SIP/2.0 sip:@;<>\",=\r\n\t :Via:CSeq:Content-Length:0123456789z9hG4bKtag")
                .ofMaxLength(400)
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(random, sipAlphabet);
    }

    /** A generated valid message with random octets flipped, inserted or deleted. */
    @Provide
    Arbitrary<byte[]> mutated() {
        return Arbitraries.randomValue(r -> {
            byte[] b = GeneratedMessages.generate(r, r.nextBoolean()).bytes();
            int edits = 1 + r.nextInt(8);
            for (int e = 0; e < edits && b.length > 0; e++) {
                int at = r.nextInt(b.length);
                byte v = (byte) (r.nextBoolean() ? " \r\n:;,<>\"\\0%=".charAt(r.nextInt(13)) : r.nextInt(256));
                switch (r.nextInt(3)) {
                    case 0:
                        b[at] = v;
                        break;
                    case 1: {
                        byte[] nb = new byte[b.length + 1];
                        System.arraycopy(b, 0, nb, 0, at);
                        nb[at] = v;
                        System.arraycopy(b, at, nb, at + 1, b.length - at);
                        b = nb;
                        break;
                    }
                    default: {
                        byte[] nb = new byte[b.length - 1];
                        System.arraycopy(b, 0, nb, 0, at);
                        System.arraycopy(b, at + 1, nb, at, b.length - at - 1);
                        b = nb;
                        break;
                    }
                }
            }
            return b;
        });
    }
}
