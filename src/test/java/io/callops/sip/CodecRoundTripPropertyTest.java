package io.callops.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.callops.sip.GeneratedMessages.Generated;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * RFC 3261 §7: whatever legal spelling a sender chose, an untouched message is relayed byte
 * for byte and the hot fields read straight from the bytes equal what was sent.
 */
class CodecRoundTripPropertyTest {
    private final SipParser parser = new SipParser();

    @Property(tries = 3000)
    void untouchedMessageIsWrittenBackByteForByte(@ForAll("datagrams") Generated g) {
        ParseResult r = parser.parse(g.bytes());
        assertThat(r).as(g::toString).isInstanceOf(ParseResult.Success.class);
        SipMessage m = ((ParseResult.Success) r).message();
        assertThat(m.toBytes()).isEqualTo(g.bytes());
        assertThat(m.copy().toBytes()).isEqualTo(g.bytes());
        assertThat(m.headerCount()).isEqualTo(g.headerLines());
    }

    @Property(tries = 3000)
    void hotFieldsReadBackAsGenerated(@ForAll("datagrams") Generated g) {
        SipMessage m = ((ParseResult.Success) parser.parse(g.bytes())).message();
        assertThat(m.isRequest()).isEqualTo(g.request());
        if (m instanceof SipRequest req) {
            assertThat(req.method()).isEqualTo(g.method());
            assertThat(req.version()).isEqualTo("SIP/2.0");
        } else {
            assertThat(((SipResponse) m).statusCode()).isEqualTo(g.status());
        }
        assertThat(m.callId()).isEqualTo(g.callId());
        assertThat(m.cseqNumber()).isEqualTo(g.cseq());
        assertThat(m.cseqMethod()).isEqualTo(g.cseqMethod());
        assertThat(m.topViaBranch()).isEqualTo(g.branch());
        assertThat(m.fromTag()).isEqualTo(g.fromTag());
        assertThat(m.toTag()).isEqualTo(g.toTag());
        assertThat(m.contentLength()).isEqualTo(g.contentLength());
        assertThat(m.bodyLength()).isEqualTo(g.bodyLength());
    }

    @Property(tries = 2000)
    void removingTheTopViaLeavesTheOtherViasAsTheyWere(@ForAll("datagrams") Generated g) {
        SipMessage m = ((ParseResult.Success) parser.parse(g.bytes())).message();
        List<String> before = m.headerValues(HeaderName.VIA);
        String removed = m.removeFirstValue(HeaderName.VIA);
        assertThat(removed).as(g::toString).isEqualTo(before.get(0));
        assertThat(m.headerValues(HeaderName.VIA)).isEqualTo(before.subList(1, before.size()));
        assertThat(m.headerLineCount(HeaderName.VIA)).isEqualTo(m.headerLines(HeaderName.VIA).size());
        // What is written reads back the same.
        ParseResult again = parser.parse(m.toBytes());
        assertThat(again).as(g::toString).isInstanceOf(ParseResult.Success.class);
        assertThat(((ParseResult.Success) again).message().headerValues(HeaderName.VIA))
                .isEqualTo(before.subList(1, before.size()));
    }

    @Provide
    Arbitrary<Generated> datagrams() {
        return GeneratedMessages.datagrams();
    }
}
