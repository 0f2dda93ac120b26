package io.callops.sip.sipfrag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SipFragTest {

    @Test
    void parsesReferNotifyStatusLine() {
        SipFrag frag = SipFrag.parse("SIP/2.0 200 OK\r\n");

        assertThat(frag.isStatus()).isTrue();
        assertThat(frag.statusCode()).isEqualTo(200);
        assertThat(frag.reasonPhrase()).isEqualTo("OK");
        assertThat(frag.statusLine()).isEqualTo("200 OK");
        assertThat(frag.isFinal()).isTrue();
        assertThat(frag.sipVersion()).isEqualTo("SIP/2.0");
        assertThat(frag.headers()).isEmpty();
        assertThat(frag.body()).isEmpty();
    }

    @Test
    void provisionalResponseIsNotFinal() {
        SipFrag frag = SipFrag.parse("SIP/2.0 100 Trying\r\n");

        assertThat(frag.isFinal()).isFalse();
        assertThat(frag.statusLine()).isEqualTo("100 Trying");
    }

    @Test
    void reasonPhraseMayHaveSpacesOrBeEmpty() {
        assertThat(SipFrag.parse("SIP/2.0 486 Busy Here\r\n").reasonPhrase()).isEqualTo("Busy Here");
        SipFrag noReason = SipFrag.parse("SIP/2.0 603 \r\n");
        assertThat(noReason.reasonPhrase()).isEmpty();
        assertThat(noReason.statusLine()).isEqualTo("603");
        assertThat(SipFrag.parse("SIP/2.0 180").reasonPhrase()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SIP/2.0 200 OK",
        "SIP/2.0 200 OK\n",
        "SIP/2.0 200 OK   \r\n",
        "SIP/2.0 200 OK\r\n\r\n",
        "SIP/2.0 200 OK\r\n \r\n\t",
        "\r\nSIP/2.0 200 OK\r\n",
        "sip/2.0 200 OK\r",
    })
    void toleratesMissingCrlfAndTrailingWhitespace(String text) {
        SipFrag frag = SipFrag.parse(text);

        assertThat(frag.statusCode()).isEqualTo(200);
        assertThat(frag.reasonPhrase()).isEqualTo("OK");
        assertThat(frag.headers()).isEmpty();
        assertThat(frag.body()).isEmpty();
    }

    @Test
    void parsesRequestLineWithHeadersAndBody() {
        String text = "INVITE sip:bob@biloxi.example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds\r\n"
                + "Subject: a long\r\n"
                + "  folded\tsubject\r\n"
                + "contact : <sip:alice@pc33.atlanta.example.com>\r\n"
                + "Via: SIP/2.0/UDP proxy.example.com;branch=z9hG4bK1\r\n"
                + "Content-Type: text/plain\r\n"
                + "\r\n"
                + "hello\r\n";
        SipFrag frag = SipFrag.parse(text);

        assertThat(frag.isStatus()).isFalse();
        assertThat(frag.isFinal()).isFalse();
        assertThat(frag.method()).isEqualTo("INVITE");
        assertThat(frag.requestUri()).isEqualTo("sip:bob@biloxi.example.com");
        assertThat(frag.sipVersion()).isEqualTo("SIP/2.0");
        assertThat(frag.headers()).extracting(SipFragHeader::name)
                .containsExactly("Via", "Subject", "contact", "Via", "Content-Type");
        assertThat(frag.header("SUBJECT")).contains("a long folded\tsubject");
        assertThat(frag.header("Contact")).contains("<sip:alice@pc33.atlanta.example.com>");
        assertThat(frag.headerValues("via")).hasSize(2).first().asString().endsWith("z9hG4bK776asdhds");
        assertThat(frag.header("Max-Forwards")).isEmpty();
        assertThat(new String(frag.body(), StandardCharsets.UTF_8)).isEqualTo("hello\r\n");
        assertThatThrownBy(frag::statusCode).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void statusWithHeadersIsReadToo() {
        SipFrag frag = SipFrag.parse("SIP/2.0 603 Declined\nWarning: 399 example.com \"No thanks\"\n");

        assertThat(frag.statusLine()).isEqualTo("603 Declined");
        assertThat(frag.header("warning")).contains("399 example.com \"No thanks\"");
    }

    @Test
    void parsesOnlyTheGivenSlice() {
        byte[] bytes = "xxSIP/2.0 180 Ringing\r\nyy".getBytes(StandardCharsets.US_ASCII);
        assertThat(SipFrag.parse(bytes, 2, 21).statusLine()).isEqualTo("180 Ringing");
    }

    @Test
    void buildsStatusFragForNotify() {
        assertThat(new String(SipFrag.status(200, "OK").toBytes(), StandardCharsets.UTF_8))
                .isEqualTo("SIP/2.0 200 OK\r\n");
        assertThat(new String(SipFrag.status(100, "Trying").toBytes(), StandardCharsets.UTF_8))
                .isEqualTo("SIP/2.0 100 Trying\r\n");
        assertThat(SipFrag.status(503, "Service Unavailable").toString())
                .isEqualTo("SIP/2.0 503 Service Unavailable\r\n");
    }

    @Test
    void builtFragParsesBackEqual() {
        SipFrag built = SipFrag.status(487, "Request Terminated");
        assertThat(SipFrag.parse(built.toBytes(), 0, built.toBytes().length)).isEqualTo(built);
    }

    @Test
    void emptyReasonKeepsTheSeparatingSpace() {
        assertThat(SipFrag.status(200, "").toString()).isEqualTo("SIP/2.0 200 \r\n");
        assertThat(SipFrag.status(200, null).reasonPhrase()).isEmpty();
    }

    @Test
    void parsedFragWritesCanonicalForm() {
        SipFrag frag = SipFrag.parse("SIP/2.0 200 OK\nContact:  <sip:a@b> \n\nbody");
        assertThat(frag.toString()).isEqualTo("SIP/2.0 200 OK\r\nContact: <sip:a@b>\r\n\r\nbody");
    }

    @Test
    void statusBuilderRejectsBadInput() {
        assertThatThrownBy(() -> SipFrag.status(99, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SipFrag.status(700, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SipFrag.status(200, "OK\r\nX: y")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "\r\n\r\n  ",
        "SIP/2.0 099 Low\r\n",
        "SIP/2.0 700 High\r\n",
        "SIP/2.0 20 OK\r\n",
        "SIP/2.0 2000 OK\r\n",
        "SIP/2.0 abc OK\r\n",
        "SIP/2.0\r\n",
        "SIP/two 200 OK\r\n",
        "SIP/2. 200 OK\r\n",
        "INVITE sip:bob@example.com\r\n",
        "INVITE sip:bob@example.com HTTP/1.1\r\n",
        "IN<VITE sip:bob@example.com SIP/2.0\r\n",
        "hello",
        "SIP/2.0 200 OK\r\nNo colon here\r\n",
        "SIP/2.0 200 OK\r\n folded first\r\n",
        "SIP/2.0 200 OK\r\nBad Name: x\r\n",
    })
    void rejectsMalformedFrags(String text) {
        assertThatThrownBy(() -> SipFrag.parse(text))
                .isInstanceOf(SipFragParseException.class)
                .message().isNotBlank();
    }

    @Test
    void errorMessageNamesTheProblem() {
        assertThatThrownBy(() -> SipFrag.parse("SIP/2.0 777 Odd\r\n"))
                .hasMessageContaining("status code")
                .hasMessageContaining("777");
        assertThatThrownBy(() -> SipFrag.parse("SIP/2.0 200 OK\r\nNoColon\r\n"))
                .hasMessageContaining("colon");
    }
}
