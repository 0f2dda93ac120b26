package io.callops.sip.sdp;

import static io.callops.sip.sdp.SdpSamples.crlf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class SessionDescriptionRewriteTest {

    @Test
    void replacesExistingDirectionLineInPlace() {
        SessionDescription sdp = SdpSamples.parse("audio-video.sdp").withMediaDirection(0, Direction.INACTIVE);

        assertThat(sdp.toString()).isEqualTo(crlf("""
                v=0
                o=bob 3724394400 3724394401 IN IP4 198.51.100.7
                s=Video call
                c=IN IP4 198.51.100.7
                b=AS:512
                t=0 0
                m=audio 16384 RTP/AVP 0 101
                a=rtpmap:0 PCMU/8000
                a=rtpmap:101 telephone-event/8000
                a=fmtp:101 0-16
                a=inactive
                a=rtcp:16385
                m=video 16386 RTP/AVP 96
                b=AS:448
                a=rtpmap:96 H264/90000
                a=fmtp:96 profile-level-id=42e01f;packetization-mode=1
                a=sendrecv
                """));
        assertThat(sdp.media().get(0).explicitDirection()).isEqualTo(Direction.INACTIVE);
    }

    @Test
    void appendsDirectionAtEndOfSectionWhenAbsent() {
        SessionDescription sdp = SdpSamples.parse("session-level-recvonly.sdp").withMediaDirection(0, Direction.SENDONLY);

        assertThat(sdp.toString()).isEqualTo(crlf("""
                v=0
                o=carol 1111 9223372036854775807 IN IP4 192.0.2.44
                s=Conference
                c=IN IP4 192.0.2.44
                t=0 0
                a=recvonly
                m=audio 5004 RTP/AVP 0
                a=rtpmap:0 PCMU/8000
                a=sendonly
                m=video 5006 RTP/AVP 97
                a=rtpmap:97 VP8/90000
                a=sendrecv
                """));
        assertThat(sdp.sessionDirection()).as("session line left alone").isEqualTo(Direction.RECVONLY);
        assertThat(sdp.media().get(0).effectiveDirection(sdp.sessionDirection())).isEqualTo(Direction.SENDONLY);
    }

    @Test
    void appendedLineFollowsBareLfStyle() {
        byte[] input = SdpSamples.bytes("lf-only.sdp");
        SessionDescription sdp = SessionDescription.parse(input, 0, input.length).withMediaDirection(0, Direction.SENDONLY);

        assertThat(sdp.toString()).isEqualTo(SdpSamples.text(input) + "a=sendonly\n");
    }

    @Test
    void appendKeepsMissingFinalLineEnding() {
        String lf = "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0\nm=audio 4000 RTP/AVP 0";
        assertThat(SessionDescription.parse(lf).withMediaDirection(0, Direction.INACTIVE).toString())
                .isEqualTo(lf + "\na=inactive");

        String crlf = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0";
        assertThat(SessionDescription.parse(crlf).withMediaDirection(0, Direction.INACTIVE).toString())
                .isEqualTo(crlf + "\r\na=inactive");
    }

    @Test
    void appendGoesBeforeTrailingBlankLines() {
        String text = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=ptime:20\r\n\r\n";
        assertThat(SessionDescription.parse(text).withMediaDirection(0, Direction.SENDONLY).toString())
                .isEqualTo("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n"
                        + "a=ptime:20\r\na=sendonly\r\n\r\n");
    }

    @Test
    void rewriteKeepsLineEndingOfReplacedLineAndOriginalIsUnchanged() {
        String text = "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0\nm=audio 4000 RTP/AVP 0\na=sendrecv";
        SessionDescription original = SessionDescription.parse(text);

        SessionDescription changed = original.withMediaDirection(0, Direction.SENDONLY);

        assertThat(changed.toString()).isEqualTo(text.replace("a=sendrecv", "a=sendonly"));
        assertThat(original.toString()).isEqualTo(text);
    }

    @Test
    void rejectsBadMediaIndex() {
        SessionDescription sdp = SdpSamples.parse("audio-pcmu-pcma-dtmf.sdp");
        assertThatThrownBy(() -> sdp.withMediaDirection(1, Direction.SENDONLY))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void incrementsOriginVersion() {
        SessionDescription sdp = SdpSamples.parse("audio-pcmu-pcma-dtmf.sdp").withOriginVersionIncremented();

        assertThat(sdp.origin().sessionVersion()).isEqualTo(new BigInteger("2890844527"));
        assertThat(sdp.toString()).isEqualTo(crlf("""
                v=0
                o=alice 2890844526 2890844527 IN IP4 192.0.2.10
                s=-
                c=IN IP4 192.0.2.10
                t=0 0
                m=audio 49170 RTP/AVP 0 8 101
                a=rtpmap:0 PCMU/8000
                a=rtpmap:8 PCMA/8000
                a=rtpmap:101 telephone-event/8000
                a=fmtp:101 0-15
                a=ptime:20
                """));
    }

    @Test
    void incrementsVersionBeyondLongRange() {
        SessionDescription sdp = SdpSamples.parse("session-level-recvonly.sdp").withOriginVersionIncremented();

        assertThat(sdp.origin().sessionVersion()).isEqualTo(new BigInteger("9223372036854775808"));
        assertThat(sdp.sessionLines().get(1)).isEqualTo("o=carol 1111 9223372036854775808 IN IP4 192.0.2.44");
    }

    @Test
    void setsVersionKeepingOddSpacingOfTheOriginLine() {
        SessionDescription sdp = SessionDescription.parse("v=0\r\no=-  7  99  IN IP4 192.0.2.1 \r\ns=-\r\n")
                .withOriginVersion(BigInteger.valueOf(100));

        assertThat(sdp.toString()).isEqualTo("v=0\r\no=-  7  100  IN IP4 192.0.2.1 \r\ns=-\r\n");
        assertThat(sdp.origin().sessionId()).isEqualTo("7");
    }

    @Test
    void refusesNegativeVersion() {
        SessionDescription sdp = SdpSamples.parse("audio-pcmu-pcma-dtmf.sdp");
        assertThatThrownBy(() -> sdp.withOriginVersion(BigInteger.valueOf(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
