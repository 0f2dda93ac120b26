package io.callops.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Counting, searching and removing header values, on untouched and on edited lines. */
class HeaderLineAccessTest {
    private final SipParser parser = new SipParser();

    private SipMessage parse(String text) {
        ParseResult r = parser.parse(text.getBytes(StandardCharsets.UTF_8));
        assertThat(r).isInstanceOf(ParseResult.Success.class);
        return ((ParseResult.Success) r).message();
    }

    private static final String RESPONSE = "SIP/2.0 200 OK\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKours\r\n"
            + "Via: SIP/2.0/UDP 10.0.0.1:5062;branch=z9hG4bKa, SIP/2.0/UDP 10.0.0.2;branch=z9hG4bKb\r\n"
            + "Via: SIP/2.0/UDP 10.0.0.3\r\n ;branch=z9hG4bKfolded\r\n"
            + "Call-ID: c1\r\nCSeq: 1 INVITE\r\nFrom: <sip:a@example.com>;tag=1\r\nTo: <sip:b@example.com>\r\n"
            + "Content-Length: 0\r\n\r\n";

    @Test
    void countsLinesNotValues() {
        SipMessage m = parse(RESPONSE);
        assertThat(m.headerLineCount(HeaderName.VIA)).isEqualTo(3);
        assertThat(m.headerLineCount(HeaderName.CALL_ID)).isEqualTo(1);
        assertThat(m.headerLineCount(HeaderName.ROUTE)).isZero();
        m.addFirst(HeaderName.VIA, "SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKnew");
        assertThat(m.headerLineCount(HeaderName.VIA)).isEqualTo(4);
    }

    @Test
    void findsTextInRawAndInEditedLines() {
        SipMessage m = parse(RESPONSE);
        assertThat(m.headerContains(HeaderName.VIA, "10.0.0.2")).isTrue();
        assertThat(m.headerContains(HeaderName.VIA, "z9hG4bKfolded")).isTrue();
        assertThat(m.headerContains(HeaderName.VIA, "255.255.255.255")).isFalse();
        assertThat(m.headerContains(HeaderName.VIA, "Call-ID")).isFalse(); // only inside Via values
        assertThat(m.headerContains(HeaderName.ROUTE, "x")).isFalse();
        m.addLast(HeaderName.VIA, "SIP/2.0/UDP 255.255.255.255;branch=z9hG4bKx");
        assertThat(m.headerContains(HeaderName.VIA, "255.255.255.255")).isTrue();
    }

    @Test
    void findsTextThatEndsTheValue() {
        SipMessage m = parse("OPTIONS sip:x@example.com SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n"
                + "Subject: abc\r\nCall-ID: c\r\nCSeq: 1 OPTIONS\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:b@b>\r\n\r\n");
        assertThat(m.headerContains(HeaderName.VIA, "bK1")).isTrue();
        assertThat(m.headerContains(HeaderName.VIA, "bK1\r")).isFalse();
        assertThat(m.headerContains(HeaderName.VIA, "")).isTrue();
    }

    @Test
    void removingTheTopViaOfEachFormKeepsTheRest() {
        SipMessage m = parse(RESPONSE);

        // one value alone on its line: the line goes
        assertThat(m.removeFirstValue(HeaderName.VIA)).isEqualTo("SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKours");
        assertThat(m.headerLines(HeaderName.VIA)).hasSize(2);
        assertThat(m.topViaBranch()).isEqualTo("z9hG4bKa");

        // two values on one line: the second stays
        assertThat(m.removeFirstValue(HeaderName.VIA)).isEqualTo("SIP/2.0/UDP 10.0.0.1:5062;branch=z9hG4bKa");
        assertThat(m.topViaBranch()).isEqualTo("z9hG4bKb");
        assertThat(m.removeFirstValue(HeaderName.VIA)).isEqualTo("SIP/2.0/UDP 10.0.0.2;branch=z9hG4bKb");

        // a folded line is one value
        assertThat(m.removeFirstValue(HeaderName.VIA)).isEqualTo("SIP/2.0/UDP 10.0.0.3 ;branch=z9hG4bKfolded");
        assertThat(m.hasHeader(HeaderName.VIA)).isFalse();
        assertThat(m.removeFirstValue(HeaderName.VIA)).isNull();

        String wire = new String(m.toBytes(), StandardCharsets.UTF_8);
        assertThat(wire).doesNotContain("Via").contains("Call-ID: c1\r\n");
    }

    @Test
    void removingFromAnEditedLine() {
        SipMessage m = parse(RESPONSE);
        m.addFirst(HeaderName.VIA, "SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKnew");
        assertThat(m.removeFirstValue(HeaderName.VIA)).isEqualTo("SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKnew");
        assertThat(m.topViaBranch()).isEqualTo("z9hG4bKours");
    }

    @Test
    void anEmptyValueIsRemovedAsNothing() {
        SipMessage m = parse("OPTIONS sip:x@example.com SIP/2.0\r\nRoute:\r\nRoute: <sip:p@example.com;lr>\r\n"
                + "Via: SIP/2.0/UDP h;branch=z9hG4bK1\r\nCall-ID: c\r\nCSeq: 1 OPTIONS\r\n\r\n");
        assertThat(m.removeFirstValue(HeaderName.ROUTE)).isNull();
        assertThat(m.firstValue(HeaderName.ROUTE)).isEqualTo("<sip:p@example.com;lr>");
    }

    @Test
    void theRestOfALineIsKeptAsItCame() {
        SipMessage m = parse("SIP/2.0 200 OK\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKours ,SIP/2.0/UDP a;branch=z9hG4bKa,,  SIP/2.0/UDP b;branch=z9hG4bKb\r\n"
                + "Route: , <sip:p@example.com;lr>, <sip:q@example.com;lr>\r\n"
                + "Record-Route: <sip:r@example.com;lr>,  ,\r\n"
                + "Call-ID: c\r\nCSeq: 1 INVITE\r\n\r\n");

        assertThat(m.removeFirstValue(HeaderName.VIA)).isEqualTo("SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKours");
        assertThat(m.header(HeaderName.VIA)).isEqualTo("SIP/2.0/UDP a;branch=z9hG4bKa,,  SIP/2.0/UDP b;branch=z9hG4bKb");
        assertThat(m.topViaBranch()).isEqualTo("z9hG4bKa");

        // a blank first value: the first real one goes, the rest is rewritten
        assertThat(m.removeFirstValue(HeaderName.ROUTE)).isEqualTo("<sip:p@example.com;lr>");
        assertThat(m.headerValues(HeaderName.ROUTE)).containsExactly("<sip:q@example.com;lr>");

        // nothing but blanks after the first value: the line goes
        assertThat(m.removeFirstValue(HeaderName.RECORD_ROUTE)).isEqualTo("<sip:r@example.com;lr>");
        assertThat(m.hasHeader(HeaderName.RECORD_ROUTE)).isFalse();
    }

    /** An edited value may come from a management request, any UTF-16 included: sized and written alike. */
    @Test
    void anEditedValueWithALoneSurrogateIsWrittenAsAQuestionMark() {
        SipMessage m = parse(RESPONSE);
        m.addLast("X-Note", "Zoë \uD83D\uDE00 \uDC00 end\uD800");
        m.addLast("X-Other", "\uD800x");

        byte[] written = m.toBytes();
        assertThat(written).hasSize(m.encodedLength());
        SipMessage back = ((ParseResult.Success) parser.parse(written)).message();
        assertThat(back.header("X-Note")).isEqualTo("Zoë \uD83D\uDE00 ? end?");
        assertThat(back.header("X-Other")).isEqualTo("?x");
    }
}
