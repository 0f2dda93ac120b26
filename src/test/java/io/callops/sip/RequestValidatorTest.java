package io.callops.sip;

import static io.callops.sip.SampleMessages.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** RFC 3261 §16.3 rules that no RFC 4475 message exercises on its own. */
class RequestValidatorTest {
    private final SipParser parser = new SipParser();
    private final RequestValidator validator = new RequestValidator(Set.of("path"));

    private static String options(String method, String extra) {
        return method + " sip:bob@example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKabc\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:alice@example.com>;tag=1\r\n"
                + "To: <sip:bob@example.com>\r\n"
                + "Call-ID: c1@192.0.2.1\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + extra
                + "Content-Length: 0\r\n\r\n";
    }

    private Verdict check(String text) {
        ParseResult r = parser.parse(bytes(text));
        return validator.checkRequest((SipRequest) ((ParseResult.Success) r).message(), false);
    }

    private static int status(Verdict v) {
        assertThat(v).isInstanceOf(Verdict.Reject.class);
        return ((Verdict.Reject) v).status();
    }

    @Test
    void wellFormedRequestIsAccepted() {
        assertThat(check(options("OPTIONS", ""))).isEqualTo(Verdict.ACCEPT);
    }

    @Test
    void rfc3261_20_10_wildcardContactOnlyInRegister() {
        assertThat(check(options("REGISTER", "Contact: *\r\nExpires: 0\r\n"))).isEqualTo(Verdict.ACCEPT);
        assertThat(status(check(options("OPTIONS", "Contact: *\r\n")))).isEqualTo(400);
    }

    @Test
    void rfc3261_16_3_supportedProxyRequireTagsPassIgnoringCase() {
        assertThat(check(options("OPTIONS", "Proxy-Require: PATH\r\n"))).isEqualTo(Verdict.ACCEPT);
        Verdict v = check(options("OPTIONS", "Proxy-Require: path, foo\r\nProxy-Require: bar\r\n"));
        assertThat(status(v)).isEqualTo(420);
        assertThat(((Verdict.Reject) v).extraHeaders().get(0)).containsExactly("Unsupported", "foo, bar");
    }

    @Test
    void rfc3261_20_22_malformedMaxForwardsIs400() {
        String text = options("OPTIONS", "").replace("Max-Forwards: 70", "Max-Forwards: 256");
        assertThat(status(check(text))).isEqualTo(400);
        assertThat(status(check(options("OPTIONS", "").replace("Max-Forwards: 70", "Max-Forwards: ten")))).isEqualTo(400);
    }

    @Test
    void rfc3261_17_1_1_1_ackIsNeverAnsweredOnlyDropped() {
        String badAck = options("ACK", "").replace("Max-Forwards: 70", "Max-Forwards: 0");
        assertThat(check(badAck)).isInstanceOf(Verdict.Drop.class);
        ParseResult.Failure f = (ParseResult.Failure) parser.parse(bytes(options("ACK", "").replace("Content-Length: 0", "Content-Length: 99")));
        assertThat(validator.checkUnparseable(f)).isInstanceOf(Verdict.Drop.class);
    }

    @Test
    void rfc3261_18_3_contentLengthRequiredOnStreamsOnly() {
        String noLength = options("OPTIONS", "").replace("Content-Length: 0\r\n", "");
        SipRequest r = (SipRequest) ((ParseResult.Success) parser.parse(bytes(noLength))).message();
        assertThat(validator.checkRequest(r, false)).isEqualTo(Verdict.ACCEPT);
        Verdict tcp = validator.checkRequest(r, true);
        assertThat(status(tcp)).isEqualTo(400);
        assertThat(((Verdict.Reject) tcp).detail()).isEqualTo("Content-Length required over TCP");
    }

    @Test
    void rfc3261_16_7_responsesWithoutMandatoryHeadersAreDropped() {
        String ok = "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKabc\r\nCSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n";
        SipResponse r = (SipResponse) ((ParseResult.Success) parser.parse(bytes(ok))).message();
        assertThat(validator.checkResponse(r)).isInstanceOf(Verdict.Drop.class);
        String full = ok.replace("CSeq:", "Call-ID: x@y\r\nCSeq:");
        SipResponse good = (SipResponse) ((ParseResult.Success) parser.parse(bytes(full))).message();
        assertThat(validator.checkResponse(good)).isEqualTo(Verdict.ACCEPT);
    }
}
