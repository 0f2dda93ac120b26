package io.callops.sip;

import static io.callops.sip.SampleMessages.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SipParserTest {
    private final SipParser parser = new SipParser();

    private SipMessage ok(String text) {
        ParseResult r = parser.parse(bytes(text));
        assertThat(r).as(() -> r.toString()).isInstanceOf(ParseResult.Success.class);
        return ((ParseResult.Success) r).message();
    }

    private ParseResult.Failure bad(String text) {
        ParseResult r = parser.parse(bytes(text));
        assertThat(r).isInstanceOf(ParseResult.Failure.class);
        return (ParseResult.Failure) r;
    }

    @Test
    void readsTheHotFieldsOfAnInvite() {
        SipRequest r = (SipRequest) ok(SampleMessages.INVITE);
        assertThat(r.method()).isSameAs(SipMethod.INVITE);
        assertThat(r.requestUri()).isEqualTo("sip:bob@biloxi.example.com");
        assertThat(r.version()).isEqualTo("SIP/2.0");
        assertThat(r.topViaBranch()).isEqualTo("z9hG4bK776asdhds");
        assertThat(r.fromTag()).isEqualTo("1928301774");
        assertThat(r.toTag()).isNull();
        assertThat(r.callId()).isEqualTo("a84b4c76e66710@pc33.atlanta.example.com");
        assertThat(r.cseqNumber()).isEqualTo(314159);
        assertThat(r.cseqMethod()).isEqualTo("INVITE");
        assertThat(r.maxForwards()).isEqualTo(70);
        assertThat(r.contentLength()).isEqualTo(224);
        assertThat(r.bodyLength()).isEqualTo(224);
        assertThat(r.bodyText()).startsWith("v=0\r\n").endsWith("a=sendrecv\r\n");
        assertThat(r.headerValues(HeaderName.ROUTE))
                .containsExactly("<sip:proxy1.example.com;lr>", "<sip:proxy2.example.com;lr>");
        assertThat(r.headerValues(HeaderName.ALLOW)).hasSize(7);
    }

    @Test
    void readsAResponse() {
        SipResponse r = (SipResponse) ok(SampleMessages.OK);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.reasonPhrase()).isEqualTo("OK");
        assertThat(r.status()).isEqualTo("200 OK");
        assertThat(r.toTag()).isEqualTo("a6c85cf");
        assertThat(r.headerLines(HeaderName.VIA)).hasSize(2);
        assertThat(r.topViaBranch()).isEqualTo("z9hG4bK2d4790.1");
    }

    @Test
    void writesAnUntouchedMessageBackByteForByte() {
        for (String m : new String[] {SampleMessages.INVITE, SampleMessages.OK}) {
            assertThat(ok(m).toBytes()).isEqualTo(bytes(m));
        }
    }

    @Test
    void proxyEditsChangeOnlyTheirHeaders() {
        SipRequest r = (SipRequest) ok(SampleMessages.INVITE);
        r.addFirst(HeaderName.VIA, "SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKnew");
        assertThat(r.removeFirstValue(HeaderName.ROUTE)).isEqualTo("<sip:proxy1.example.com;lr>");
        r.setHeader(HeaderName.MAX_FORWARDS, "69");
        r.addTop(HeaderName.RECORD_ROUTE, "<sip:127.0.0.1:5060;lr>");
        String out = new String(r.toBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(out).startsWith("INVITE sip:bob@biloxi.example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKnew\r\n"
                + "Via: SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds;rport\r\n"
                + "Max-Forwards: 69\r\n"
                + "Route: <sip:proxy2.example.com;lr>\r\n");
        assertThat(out).contains("From: \"Alice A.\" <sip:alice@atlanta.example.com>;tag=1928301774\r\n");
        SipRequest again = (SipRequest) ok(out);
        assertThat(again.topViaBranch()).isEqualTo("z9hG4bKnew");
        assertThat(again.maxForwards()).isEqualTo(69);
        assertThat(again.bodyText()).isEqualTo(r.bodyText());
        assertThat(again.header(HeaderName.RECORD_ROUTE)).isEqualTo("<sip:127.0.0.1:5060;lr>");
    }

    @Test
    void aCopyIsIndependent() {
        SipRequest r = (SipRequest) ok(SampleMessages.INVITE);
        SipRequest c = r.copy();
        c.setRequestUri("sip:bob@192.0.2.4");
        c.removeHeader(HeaderName.ROUTE);
        assertThat(r.requestUri()).isEqualTo("sip:bob@biloxi.example.com");
        assertThat(r.hasHeader(HeaderName.ROUTE)).isTrue();
        assertThat(new String(c.toBytes(), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("INVITE sip:bob@192.0.2.4 SIP/2.0\r\n").doesNotContain("Route:");
    }

    @Test
    void compactFormsAreTheSameHeaders() {
        SipMessage m = ok("OPTIONS sip:x@example.com SIP/2.0\r\n"
                + "v: SIP/2.0/TCP h.example.com;branch=z9hG4bKc\r\n"
                + "f: <sip:a@example.com>;tag=ft\r\nt: <sip:x@example.com>\r\ni: cid-1\r\n"
                + "CSeq: 1 OPTIONS\r\nm: <sip:a@h.example.com>\r\nk: path\r\no: refer;id=5\r\n"
                + "r: <sip:c@example.com>\r\nb: <sip:a@example.com>\r\ns: hi\r\nu: refer\r\n"
                + "x: 1800\r\ny: abc\r\ne: gzip\r\nc: text/plain\r\nl: 2\r\n\r\nhi");
        assertThat(m.topViaBranch()).isEqualTo("z9hG4bKc");
        assertThat(m.fromTag()).isEqualTo("ft");
        assertThat(m.callId()).isEqualTo("cid-1");
        assertThat(m.header(HeaderName.CONTACT)).isEqualTo("<sip:a@h.example.com>");
        assertThat(m.header(HeaderName.SUPPORTED)).isEqualTo("path");
        assertThat(m.header(HeaderName.EVENT)).isEqualTo("refer;id=5");
        assertThat(m.header(HeaderName.REFER_TO)).isEqualTo("<sip:c@example.com>");
        assertThat(m.header(HeaderName.REFERRED_BY)).isEqualTo("<sip:a@example.com>");
        assertThat(m.header(HeaderName.SUBJECT)).isEqualTo("hi");
        assertThat(m.header(HeaderName.ALLOW_EVENTS)).isEqualTo("refer");
        assertThat(m.header(HeaderName.SESSION_EXPIRES)).isEqualTo("1800");
        assertThat(m.header(HeaderName.IDENTITY)).isEqualTo("abc");
        assertThat(m.header(HeaderName.CONTENT_ENCODING)).isEqualTo("gzip");
        assertThat(m.contentType()).isEqualTo("text/plain");
        assertThat(m.contentLength()).isEqualTo(2);
        assertThat(m.header("Call-Id")).isEqualTo("cid-1");
        assertThat(m.header("i")).isEqualTo("cid-1");
    }

    @Test
    void foldedLinesAreOneValue() {
        SipMessage m = ok("OPTIONS sip:x@example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP h.example.com\r\n ;branch=z9hG4bKf\r\n"
                + "Subject: first\r\n\t second\r\nCall-ID: c\r\nCSeq: 1 OPTIONS\r\n"
                + "From: <sip:a@b>;tag=1\r\nTo: <sip:x@example.com>\r\nContent-Length: 0\r\n\r\n");
        assertThat(m.header(HeaderName.SUBJECT)).isEqualTo("first second");
        assertThat(m.topViaBranch()).isEqualTo("z9hG4bKf");
    }

    @Test
    void headerNamesIgnoreCaseAndSpaceBeforeColon() {
        SipMessage m = ok("BYE sip:x@example.com SIP/2.0\r\nCALL-ID : abc\r\ncseq:7 BYE\r\n"
                + "content-length:   0  \r\n\r\n");
        assertThat(m.callId()).isEqualTo("abc");
        assertThat(m.cseqNumber()).isEqualTo(7);
        assertThat(m.contentLength()).isZero();
    }

    @Test
    void bytesAfterTheDeclaredBodyAreIgnored() {
        SipMessage m = ok("BYE sip:x@example.com SIP/2.0\r\nCall-ID: a\r\nContent-Length: 2\r\n\r\nokEXTRA");
        assertThat(m.bodyText()).isEqualTo("ok");
    }

    @Test
    void withoutContentLengthTheRestIsTheBody() {
        assertThat(ok("MESSAGE sip:x@example.com SIP/2.0\r\nCall-ID: a\r\n\r\nhello").bodyText()).isEqualTo("hello");
    }

    @Test
    void leadingLineBreaksAreSkipped() {
        SipMessage m = ok("\r\n\r\nBYE sip:x@example.com SIP/2.0\r\nCall-ID: a\r\nContent-Length: 0\r\n\r\n");
        assertThat(m.startLine()).isEqualTo("BYE sip:x@example.com SIP/2.0");
        assertThat(new String(m.toBytes(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("BYE ");
    }

    @Test
    void shortBodyIsAFailureThatStillCarriesTheHeaders() {
        ParseResult.Failure f = bad("INVITE sip:x@example.com SIP/2.0\r\nCall-ID: a\r\nContent-Length: 50\r\n\r\nshort");
        assertThat(f.reason()).contains("Content-Length 50");
        assertThat(f.partial()).isInstanceOf(SipRequest.class);
        assertThat(f.partial().callId()).isEqualTo("a");
    }

    @Test
    void badStartLinesAreNamed() {
        assertThat(bad("SIP/2.0 20 OK\r\n\r\n").reason()).contains("status line");
        assertThat(bad("INVITE\r\n\r\n").reason()).contains("request line");
        assertThat(bad("INV@ITE sip:a@b SIP/2.0\r\n\r\n").reason()).contains("request line");
        assertThat(bad("INVITE sip:a@b; lr SIP/2.0\r\nCall-ID: x\r\n\r\n").reason()).contains("white space");
        assertThat(bad("").reason()).isEqualTo("empty message");
        assertThat(bad("INVITE sip:a@b SIP/2.0\r\nno colon here\r\n\r\n").reason()).contains("malformed header line");
        assertThat(bad("INVITE sip:a@b SIP/2.0\r\nCall-ID: x\r\n").reason()).contains("not terminated");
    }

    @Test
    void limitsRejectOversizedInput() {
        SipParser small = new SipParser(new ParserLimits(64, 256, 8, 10));
        StringBuilder sb = new StringBuilder("OPTIONS sip:a@b SIP/2.0\r\n");
        for (int i = 0; i < 9; i++) sb.append("X-H").append(i).append(": v\r\n");
        assertThat(((ParseResult.Failure) small.parse(bytes(sb + "\r\n"))).reason()).contains("header lines");
        assertThat(((ParseResult.Failure) small.parse(bytes("OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 11\r\n\r\n01234567890")))
                .reason()).contains("exceeds the limit");
        assertThat(((ParseResult.Failure) small.parse(bytes("OPTIONS sip:" + "a".repeat(100) + "@b SIP/2.0\r\n\r\n")))
                .reason()).contains("start line");
    }

    @Test
    void replyCopiesTheDialogHeadersAndAddsATag() {
        SipRequest r = (SipRequest) ok(SampleMessages.INVITE);
        SipResponse resp = MessageBuilder.replyTo(r, 486, null, "t1").buildResponse();
        assertThat(resp.status()).isEqualTo("486 Busy Here");
        assertThat(resp.headerLines(HeaderName.VIA)).isEqualTo(r.headerLines(HeaderName.VIA));
        assertThat(resp.toTag()).isEqualTo("t1");
        assertThat(resp.fromTag()).isEqualTo("1928301774");
        assertThat(resp.callId()).isEqualTo(r.callId());
        assertThat(resp.cseqNumber()).isEqualTo(314159);
        assertThat(resp.contentLength()).isZero();
        SipResponse trying = MessageBuilder.replyTo(r, 100, null, "t1").buildResponse();
        assertThat(trying.toTag()).isNull();
    }

    @Test
    void setBodyUpdatesContentLength() {
        SipRequest r = (SipRequest) ok(SampleMessages.INVITE);
        r.setBody(bytes("v=0\r\n"), "application/sdp");
        SipRequest again = (SipRequest) ok(new String(r.toBytes(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(again.contentLength()).isEqualTo(5);
        assertThat(again.bodyText()).isEqualTo("v=0\r\n");
    }

    /** Headers of a message past 64 KiB cannot use 16-bit offsets; the table must still work. */
    @Test
    void messagesLargerThan64KiBParseEditAndWriteBack() {
        SipParser big = new SipParser(new ParserLimits(8 * 1024, 128 * 1024, 256, 256 * 1024));
        String filler = "x".repeat(70_000);
        String text = SampleMessages.INVITE.replace("User-Agent: ExamplePhone/1.2\r\n",
                "User-Agent: ExamplePhone/1.2\r\nX-Filler: " + filler + "\r\nSubject: after the filler\r\n");
        ParseResult pr = big.parse(bytes(text));
        assertThat(pr).isInstanceOf(ParseResult.Success.class);
        SipRequest r = (SipRequest) ((ParseResult.Success) pr).message();
        assertThat(r.toBytes()).isEqualTo(bytes(text));
        assertThat(r.header("X-Filler")).hasSize(70_000);
        assertThat(r.header(HeaderName.SUBJECT)).isEqualTo("after the filler");
        assertThat(r.contentLength()).isEqualTo(224);
        assertThat(r.topViaBranch()).isEqualTo("z9hG4bK776asdhds");
        r.addFirst(HeaderName.VIA, "SIP/2.0/UDP 127.0.0.1;branch=z9hG4bKbig");
        r.removeHeader(HeaderName.SUBJECT);
        assertThat(r.topViaBranch()).isEqualTo("z9hG4bKbig");
        assertThat(r.contentLength()).isEqualTo(224);
        assertThat(r.header(HeaderName.SUBJECT)).isNull();
        assertThat(r.bodyText()).startsWith("v=0\r\n");
    }
}
