package io.callops.sip.sdp;

import static io.callops.sip.sdp.SdpSamples.crlf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

class SessionDescriptionParseTest {

    static final List<String> SAMPLES = SdpSamples.ALL;

    @ParameterizedTest
    @FieldSource("SAMPLES")
    void unmodifiedParseWritesTheSameBytes(String sample) {
        byte[] input = SdpSamples.bytes(sample);
        assertThat(SessionDescription.parse(input, 0, input.length).toBytes()).isEqualTo(input);
    }

    @Test
    void parsesOnlyTheGivenSliceOfTheArray() {
        byte[] sdp = SdpSamples.bytes("audio-pcmu-pcma-dtmf.sdp");
        byte[] framed = new byte[sdp.length + 20];
        System.arraycopy(sdp, 0, framed, 10, sdp.length);
        assertThat(SessionDescription.parse(framed, 10, sdp.length).toBytes()).isEqualTo(sdp);
    }

    @Test
    void readsOriginAndSingleAudioStream() {
        SessionDescription sdp = SdpSamples.parse("audio-pcmu-pcma-dtmf.sdp");

        assertThat(sdp.origin()).isEqualTo(new Origin(
                "alice", "2890844526", new BigInteger("2890844526"), "IN", "IP4", "192.0.2.10"));
        assertThat(sdp.sessionDirection()).isNull();
        assertThat(sdp.media()).hasSize(1);
        MediaDescription audio = sdp.media().get(0);
        assertThat(audio.media()).isEqualTo("audio");
        assertThat(audio.port()).isEqualTo(49170);
        assertThat(audio.portCount()).isEqualTo(1);
        assertThat(audio.rejected()).isFalse();
        assertThat(audio.protocol()).isEqualTo("RTP/AVP");
        assertThat(audio.formats()).containsExactly("0", "8", "101");
        assertThat(audio.explicitDirection()).isNull();
        assertThat(audio.effectiveDirection(null)).isEqualTo(Direction.SENDRECV);
        assertThat(audio.lines()).startsWith("m=audio 49170 RTP/AVP 0 8 101").endsWith("a=ptime:20");
        assertThat(sdp.sessionLines()).containsExactly(
                "v=0", "o=alice 2890844526 2890844526 IN IP4 192.0.2.10", "s=-", "c=IN IP4 192.0.2.10", "t=0 0");
    }

    @Test
    void splitsAudioAndVideoSections() {
        SessionDescription sdp = SdpSamples.parse("audio-video.sdp");

        assertThat(sdp.media()).extracting(MediaDescription::media).containsExactly("audio", "video");
        assertThat(sdp.media()).extracting(MediaDescription::explicitDirection)
                .containsExactly(Direction.SENDRECV, Direction.SENDRECV);
        assertThat(sdp.media().get(1).lines()).containsExactly(
                "m=video 16386 RTP/AVP 96",
                "b=AS:448",
                "a=rtpmap:96 H264/90000",
                "a=fmtp:96 profile-level-id=42e01f;packetization-mode=1",
                "a=sendrecv");
    }

    @Test
    void marksPortZeroStreamAsRejected() {
        SessionDescription sdp = SdpSamples.parse("rejected-video.sdp");

        assertThat(sdp.media()).extracting(MediaDescription::rejected).containsExactly(false, true);
        assertThat(sdp.media().get(1).port()).isZero();
    }

    @Test
    void sessionLevelDirectionAppliesWhereMediaHasNone() {
        SessionDescription sdp = SdpSamples.parse("session-level-recvonly.sdp");

        assertThat(sdp.sessionDirection()).isEqualTo(Direction.RECVONLY);
        assertThat(sdp.media().get(0).explicitDirection()).isNull();
        assertThat(sdp.media().get(0).effectiveDirection(sdp.sessionDirection())).isEqualTo(Direction.RECVONLY);
        assertThat(sdp.media().get(1).effectiveDirection(sdp.sessionDirection())).isEqualTo(Direction.SENDRECV);
        assertThat(sdp.origin().sessionVersion()).isEqualTo(new BigInteger("9223372036854775807"));
    }

    @Test
    void readsIpv6OriginAndInactiveStream() {
        SessionDescription sdp = SdpSamples.parse("already-inactive.sdp");

        assertThat(sdp.origin().addrType()).isEqualTo("IP6");
        assertThat(sdp.origin().address()).isEqualTo("2001:db8::5");
        assertThat(sdp.media().get(0).explicitDirection()).isEqualTo(Direction.INACTIVE);
    }

    @Test
    void acceptsPortWithCount() {
        SessionDescription sdp = SessionDescription.parse(crlf("""
                v=0
                o=- 1 1 IN IP4 192.0.2.1
                s=-
                t=0 0
                m=video 49170/2 RTP/AVP 31
                """));

        assertThat(sdp.media().get(0).port()).isEqualTo(49170);
        assertThat(sdp.media().get(0).portCount()).isEqualTo(2);
    }

    @Test
    void keepsUnknownLinesOddAttributesAndNonUtf8BytesUnchanged() {
        byte[] input = ("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=Caf\u00e9\r\nx-vendor-junk\r\n\r\n"
                + "t=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=SENDONLY\r\na=x-custom:\t weird \r\nz=\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        SessionDescription sdp = SessionDescription.parse(input, 0, input.length);

        assertThat(sdp.toBytes()).isEqualTo(input);
        assertThat(sdp.media().get(0).explicitDirection()).as("attribute names are case-sensitive").isNull();
    }

    @Test
    void keepsMissingFinalLineEnding() {
        String text = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0";
        assertThat(SessionDescription.parse(text).toString()).isEqualTo(text);
    }

    @Test
    void stringParseRoundTripsUtf8Text() {
        String text = crlf("""
                v=0
                o=j\u00fcrgen 1 1 IN IP4 192.0.2.1
                s=Besprechung \u00fcber \u20ac
                t=0 0
                """);
        SessionDescription sdp = SessionDescription.parse(text);

        assertThat(sdp.toString()).isEqualTo(text);
        assertThat(sdp.origin().username()).isEqualTo("j\u00fcrgen");
        assertThat(sdp.media()).isEmpty();
    }

    @Test
    void equalDescriptionsHaveEqualBytes() {
        assertThat(SdpSamples.parse("audio-video.sdp")).isEqualTo(SdpSamples.parse("audio-video.sdp"))
                .hasSameHashCodeAs(SdpSamples.parse("audio-video.sdp"))
                .isNotEqualTo(SdpSamples.parse("lf-only.sdp"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "o=- 1 1 IN IP4 192.0.2.1\r\nv=0\r\n",
        "v=1\r\no=- 1 1 IN IP4 192.0.2.1\r\n",
        "v=0\r\ns=-\r\n",
        "v=0\r\no=- 1 1 IN IP4\r\n",
        "v=0\r\no=- 1 1 IN IP4 192.0.2.1 extra\r\n",
        "v=0\r\no=- 1 2x IN IP4 192.0.2.1\r\n",
        "v=0\r\no=- 1 -2 IN IP4 192.0.2.1\r\n",
        "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\no=- 2 2 IN IP4 192.0.2.1\r\n",
        "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\nm=audio\r\n",
        "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\nm=audio port RTP/AVP 0\r\n",
        "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\nm=audio 70000 RTP/AVP 0\r\n",
        "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\nm=audio 4000/ RTP/AVP 0\r\n",
        "v=0\r\nm=audio 4000 RTP/AVP 0\r\no=- 1 1 IN IP4 192.0.2.1\r\n",
    })
    void rejectsWhatTheRewritesDependOn(String text) {
        assertThatThrownBy(() -> SessionDescription.parse(text))
                .isInstanceOf(SdpParseException.class)
                .hasMessageNotContaining("null");
    }

    @Test
    void errorMessageNamesTheProblem() {
        assertThatThrownBy(() -> SessionDescription.parse("v=0\r\no=- 1 abc IN IP4 192.0.2.1\r\n"))
                .isInstanceOf(SdpParseException.class)
                .hasMessageContaining("version")
                .hasMessageContaining("abc");
        assertThatThrownBy(() -> SessionDescription.parse("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\nm=audio x RTP/AVP 0\r\n"))
                .hasMessageContaining("port");
    }
}
