package io.callops.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.callops.sip.GeneratedMessages.Generated;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

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
        SipMessage dropped = m.copy();
        List<String> before = m.headerValues(HeaderName.VIA);
        String removed = m.removeFirstValue(HeaderName.VIA);
        dropped.dropFirstValue(HeaderName.VIA);
        assertThat(dropped.toBytes()).as(g::toString).isEqualTo(m.toBytes());
        assertThat(removed).as(g::toString).isEqualTo(before.get(0));
        assertThat(m.headerValues(HeaderName.VIA)).isEqualTo(before.subList(1, before.size()));
        assertThat(m.headerLineCount(HeaderName.VIA)).isEqualTo(m.headerLines(HeaderName.VIA).size());
        // What is written reads back the same.
        ParseResult again = parser.parse(m.toBytes());
        assertThat(again).as(g::toString).isInstanceOf(ParseResult.Success.class);
        assertThat(((ParseResult.Success) again).message().headerValues(HeaderName.VIA))
                .isEqualTo(before.subList(1, before.size()));
    }

    /**
     * An unchanged message is written as the very array it was read from; any change, however
     * small, must write a new one with the change in it.
     */
    @Property(tries = 2000)
    void anyChangeIsWrittenAndNeverHidesBehindTheReceivedBytes(@ForAll("datagrams") Generated g,
                                                               @ForAll @IntRange(min = 0, max = 6) int change) {
        SipMessage m = ((ParseResult.Success) parser.parse(g.bytes())).message();
        assertThat(m.toBytes()).isSameAs(g.bytes());
        String marker = "z9hG4bKchanged";
        switch (change) {
            case 0 -> m.addTop(HeaderName.VIA, "SIP/2.0/UDP 192.0.2.99;branch=" + marker);
            case 1 -> m.addLast("X-Changed", marker);
            case 2 -> m.setHeader(HeaderName.CALL_ID, marker);
            case 3 -> m.removeHeader(HeaderName.CSEQ);
            case 4 -> m.setBody(marker.getBytes(StandardCharsets.US_ASCII), "text/plain");
            case 5 -> m.removeFirstValue(HeaderName.VIA);
            default -> {
                if (m instanceof SipRequest req) req.setRequestUri("sip:" + marker + "@192.0.2.99");
                else m.removeHeader(HeaderName.CALL_ID);
            }
        }
        byte[] written = m.toBytes();
        assertThat(written).as(g::toString).isNotSameAs(g.bytes()).isNotEqualTo(g.bytes());
        SipMessage back = ((ParseResult.Success) parser.parse(written)).message();
        switch (change) {
            case 0 -> assertThat(back.topViaBranch()).isEqualTo(marker);
            case 1 -> assertThat(back.header("X-Changed")).isEqualTo(marker);
            case 2 -> assertThat(back.callId()).isEqualTo(marker);
            case 3 -> assertThat(back.header(HeaderName.CSEQ)).isNull();
            case 4 -> assertThat(new String(back.body(), StandardCharsets.US_ASCII)).isEqualTo(marker);
            case 5 -> assertThat(back.headerValues(HeaderName.VIA)).isEqualTo(m.headerValues(HeaderName.VIA));
            default -> {
                if (back instanceof SipRequest req) assertThat(req.requestUri()).contains(marker);
                else assertThat(back.header(HeaderName.CALL_ID)).isNull();
            }
        }
    }

    @Provide
    Arbitrary<Generated> datagrams() {
        return GeneratedMessages.datagrams();
    }
}
