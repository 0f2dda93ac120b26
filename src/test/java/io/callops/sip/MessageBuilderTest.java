package io.callops.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageBuilderTest {

    @Test
    void aBuiltMessageIsExactlyItsLinesWithNothingAfterTheBody() {
        byte[] body = "v=0\r\n".getBytes(StandardCharsets.US_ASCII);
        SipRequest r = MessageBuilder.request("INVITE", "sip:bob@example.com")
                .header(HeaderName.VIA, "SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1")
                .header(HeaderName.CALL_ID, "c1")
                .header("Content-Length", "99") // replaced by the real length
                .body(body, "application/sdp")
                .buildRequest();

        assertThat(new String(r.toBytes(), StandardCharsets.US_ASCII)).isEqualTo("INVITE sip:bob@example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1\r\n"
                + "Call-ID: c1\r\n"
                + "Content-Type: application/sdp\r\n"
                + "Content-Length: 5\r\n"
                + "\r\n"
                + "v=0\r\n");
    }

    /** Text from a management request may hold any UTF-16, a lone surrogate too: written as String.getBytes writes it. */
    @Test
    void textBeyondAsciiIsWrittenInUtf8AndALoneSurrogateAsAQuestionMark() {
        String value = "\"Zoë 日本 \uD83D\uDE00 \uD800x \uDC00\" <sip:a@example.com>";
        SipResponse r = MessageBuilder.response(486, "Besetzt für \uD83D\uDE00")
                .header(HeaderName.FROM, value)
                .header(HeaderName.CALL_ID, "c1\uD83D")
                .buildResponse();

        String expected = "SIP/2.0 486 Besetzt für \uD83D\uDE00\r\nFrom: " + value + "\r\nCall-ID: c1\uD83D\r\nContent-Length: 0\r\n\r\n";
        assertThat(r.toBytes()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
        assertThat(r.header(HeaderName.FROM)).isEqualTo("\"Zoë 日本 \uD83D\uDE00 ?x ?\" <sip:a@example.com>");
        assertThat(r.callId()).isEqualTo("c1?");
    }
}
