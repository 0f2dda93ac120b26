package io.callops.sip.sdp;

import static io.callops.sip.sdp.SdpSamples.crlf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

class HoldRewriteTest {

    static final List<String> SAMPLES = SdpSamples.ALL;

    @ParameterizedTest
    @CsvSource({
        "SENDRECV, SENDONLY",
        "SENDONLY, SENDONLY",
        "RECVONLY, INACTIVE",
        "INACTIVE, INACTIVE",
    })
    void heldDirectionFollowsRfc3264(Direction before, Direction held) {
        assertThat(HoldRewrite.heldDirection(before)).isEqualTo(held);
    }

    @Test
    void holdAppendsSendonlyWhenNoDirectionWasWritten() {
        SessionDescription held = HoldRewrite.hold(SdpSamples.parse("audio-pcmu-pcma-dtmf.sdp"));

        assertThat(held.toString()).isEqualTo(crlf("""
                v=0
                o=alice 2890844526 2890844526 IN IP4 192.0.2.10
                s=-
                c=IN IP4 192.0.2.10
                t=0 0
                m=audio 49170 RTP/AVP 0 8 101
                a=rtpmap:0 PCMU/8000
                a=rtpmap:8 PCMA/8000
                a=rtpmap:101 telephone-event/8000
                a=fmtp:101 0-15
                a=ptime:20
                a=sendonly
                """));
    }

    @Test
    void holdRewritesEveryStreamOfAudioVideoCall() {
        SessionDescription held = HoldRewrite.hold(SdpSamples.parse("audio-video.sdp"));

        assertThat(held.toString()).isEqualTo(crlf("""
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
                a=sendonly
                a=rtcp:16385
                m=video 16386 RTP/AVP 96
                b=AS:448
                a=rtpmap:96 H264/90000
                a=fmtp:96 profile-level-id=42e01f;packetization-mode=1
                a=sendonly
                """));
    }

    @Test
    void holdLeavesRejectedStreamAlone() {
        SessionDescription held = HoldRewrite.hold(SdpSamples.parse("rejected-video.sdp"));

        assertThat(held.toString()).isEqualTo(crlf("""
                v=0
                o=- 8421 2 IN IP4 203.0.113.5
                s=-
                c=IN IP4 203.0.113.5
                t=0 0
                m=audio 30000 RTP/AVP 8 101
                a=rtpmap:8 PCMA/8000
                a=rtpmap:101 telephone-event/8000
                a=sendonly
                m=video 0 RTP/AVP 31
                a=rtpmap:31 H261/90000
                """));
    }

    @Test
    void holdOverridesSessionLevelDirectionPerMediaAndKeepsSessionLine() {
        SessionDescription held = HoldRewrite.hold(SdpSamples.parse("session-level-recvonly.sdp"));

        assertThat(held.toString()).isEqualTo(crlf("""
                v=0
                o=carol 1111 9223372036854775807 IN IP4 192.0.2.44
                s=Conference
                c=IN IP4 192.0.2.44
                t=0 0
                a=recvonly
                m=audio 5004 RTP/AVP 0
                a=rtpmap:0 PCMU/8000
                a=inactive
                m=video 5006 RTP/AVP 97
                a=rtpmap:97 VP8/90000
                a=sendonly
                """));
    }

    @Test
    void holdOfInactiveStreamChangesNothing() {
        byte[] input = SdpSamples.bytes("already-inactive.sdp");
        assertThat(HoldRewrite.hold(SessionDescription.parse(input, 0, input.length)).toBytes()).isEqualTo(input);
    }

    @Test
    void holdTurnsRecvonlyIntoInactive() {
        SessionDescription held = HoldRewrite.hold(SdpSamples.parse("media-recvonly.sdp"));

        assertThat(held.toString()).isEqualTo(crlf("""
                v=0
                o=erin 5550001 12 IN IP4 192.0.2.77
                s=-
                t=0 0
                m=audio 41000 RTP/AVP 0 101
                c=IN IP4 192.0.2.77
                a=inactive
                a=rtpmap:0 PCMU/8000
                a=rtpmap:101 telephone-event/8000
                a=fmtp:101 0-15
                """));
    }

    @Test
    void holdKeepsBareLfLineEndings() {
        SessionDescription held = HoldRewrite.hold(SdpSamples.parse("lf-only.sdp"));

        assertThat(held.toString()).isEqualTo("""
                v=0
                o=frank 730 730 IN IP4 192.0.2.90
                s=-
                c=IN IP4 192.0.2.90
                t=0 0
                a=tool:softphone 1.2
                m=audio 7078 RTP/AVP 0 8 101
                a=rtpmap:0 PCMU/8000
                a=rtpmap:8 PCMA/8000
                a=rtpmap:101 telephone-event/8000
                a=fmtp:101 0-11
                a=sendonly
                """);
    }

    @ParameterizedTest
    @FieldSource("SAMPLES")
    void holdNeitherBumpsVersionNorUsesNullAddress(String sample) {
        SessionDescription original = SdpSamples.parse(sample);
        SessionDescription held = HoldRewrite.hold(original);

        assertThat(held.origin()).isEqualTo(original.origin());
        assertThat(held.toString()).doesNotContain("0.0.0.0");
    }

    @Test
    void unholdWritesBackExplicitOriginalDirections() {
        SessionDescription original = SdpSamples.parse("session-level-recvonly.sdp");
        SessionDescription held = HoldRewrite.hold(original).withOriginVersionIncremented();

        SessionDescription resumed = HoldRewrite.unhold(held, original).withOriginVersionIncremented();

        assertThat(resumed.toString()).isEqualTo(crlf("""
                v=0
                o=carol 1111 9223372036854775809 IN IP4 192.0.2.44
                s=Conference
                c=IN IP4 192.0.2.44
                t=0 0
                a=recvonly
                m=audio 5004 RTP/AVP 0
                a=rtpmap:0 PCMU/8000
                a=recvonly
                m=video 5006 RTP/AVP 97
                a=rtpmap:97 VP8/90000
                a=sendrecv
                """));
    }

    @Test
    void unholdOfImplicitSendrecvWritesSendrecv() {
        SessionDescription original = SdpSamples.parse("audio-pcmu-pcma-dtmf.sdp");

        SessionDescription resumed = HoldRewrite.unhold(HoldRewrite.hold(original), original);

        assertThat(resumed.toString()).isEqualTo(crlf("""
                v=0
                o=alice 2890844526 2890844526 IN IP4 192.0.2.10
                s=-
                c=IN IP4 192.0.2.10
                t=0 0
                m=audio 49170 RTP/AVP 0 8 101
                a=rtpmap:0 PCMU/8000
                a=rtpmap:8 PCMA/8000
                a=rtpmap:101 telephone-event/8000
                a=fmtp:101 0-15
                a=ptime:20
                a=sendrecv
                """));
    }

    @ParameterizedTest
    @FieldSource("SAMPLES")
    void unholdAfterHoldRestoresExplicitlyWrittenSamplesExactly(String sample) {
        SessionDescription original = SdpSamples.parse(sample);
        SessionDescription resumed = HoldRewrite.unhold(HoldRewrite.hold(original), original);

        for (int i = 0; i < original.media().size(); i++) {
            assertThat(resumed.media().get(i).effectiveDirection(resumed.sessionDirection()))
                    .isEqualTo(original.media().get(i).effectiveDirection(original.sessionDirection()));
        }
        boolean allExplicitOrRejected = original.media().stream()
                .allMatch(m -> m.rejected() || m.explicitDirection() != null);
        if (allExplicitOrRejected) {
            assertThat(resumed).isEqualTo(original);
        }
    }

    @Test
    void unholdLeavesStreamsAddedAfterTheOriginalAlone() {
        SessionDescription original = SessionDescription.parse(crlf("""
                v=0
                o=- 1 1 IN IP4 192.0.2.1
                s=-
                t=0 0
                m=audio 4000 RTP/AVP 0
                a=sendrecv
                """));
        SessionDescription held = SessionDescription.parse(crlf("""
                v=0
                o=- 1 2 IN IP4 192.0.2.1
                s=-
                t=0 0
                m=audio 4000 RTP/AVP 0
                a=sendonly
                m=video 4002 RTP/AVP 96
                a=sendonly
                """));

        assertThat(HoldRewrite.unhold(held, original).toString()).isEqualTo(crlf("""
                v=0
                o=- 1 2 IN IP4 192.0.2.1
                s=-
                t=0 0
                m=audio 4000 RTP/AVP 0
                a=sendrecv
                m=video 4002 RTP/AVP 96
                a=sendonly
                """));
    }

    @Test
    void unholdRefusesHeldSdpWithFewerStreams() {
        SessionDescription original = SdpSamples.parse("audio-video.sdp");
        SessionDescription held = SdpSamples.parse("audio-pcmu-pcma-dtmf.sdp");

        assertThatThrownBy(() -> HoldRewrite.unhold(held, original))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("media sections");
    }
}
