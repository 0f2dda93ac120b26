package io.callops.ops.hold;

import static org.assertj.core.api.Assertions.assertThat;

import io.callops.sip.sdp.Direction;
import io.callops.sip.sdp.MediaDescription;
import io.callops.sip.sdp.SessionDescription;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Hold offers for any mix of streams and flags: directions as the flags say, nothing else touched. */
class HoldOffersProperties {
    private static final List<String> DIRECTIONS = List.of("", "a=sendrecv\r\n", "a=sendonly\r\n", "a=recvonly\r\n",
            "a=inactive\r\n");

    @Property(tries = 500)
    void everyAcceptedStreamGetsItsFlaggedDirectionAndRejectedOnesStayAsTheyAre(@ForAll("sdp") String text,
                                                                              @ForAll("flags") int flags) {
        SessionDescription before = SessionDescription.parse(text);
        SessionDescription offer = HoldOffers.offer(before, before, flags);
        SessionDescription result = offer == null ? before : offer;

        assertThat(result.sessionLines()).isEqualTo(before.sessionLines());
        boolean anyChange = false;
        for (int i = 0; i < before.media().size(); i++) {
            MediaDescription was = before.media().get(i);
            MediaDescription now = result.media().get(i);
            if (was.rejected()) {
                assertThat(now).isEqualTo(was);
                continue;
            }
            Direction wanted = HoldFlags.apply(was.effectiveDirection(before.sessionDirection()), flags);
            assertThat(now.effectiveDirection(result.sessionDirection())).isEqualTo(wanted);
            if (offer != null) assertThat(now.explicitDirection()).isEqualTo(wanted);
            anyChange |= wanted != was.effectiveDirection(before.sessionDirection());
        }
        assertThat(offer != null).as("an offer exactly when a stream changes").isEqualTo(anyChange);
    }

    @Property(tries = 300)
    void unholdAfterAnyHoldRestoresEveryStream(@ForAll("sdp") String text, @ForAll("flags") int flags) {
        SessionDescription before = SessionDescription.parse(text);
        SessionDescription held = HoldOffers.offer(before, before, flags);
        SessionDescription base = held == null ? before : held;
        SessionDescription resumed = HoldOffers.offer(base, before, 0);
        SessionDescription result = resumed == null ? base : resumed;

        for (int i = 0; i < before.media().size(); i++) {
            assertThat(result.media().get(i).effectiveDirection(result.sessionDirection()))
                    .isEqualTo(before.media().get(i).effectiveDirection(before.sessionDirection()));
        }
    }

    @Provide
    Arbitrary<Integer> flags() {
        return Arbitraries.of(0, HoldFlags.SEND_OFF, HoldFlags.RECV_OFF, HoldFlags.BOTH);
    }

    @Provide
    Arbitrary<String> sdp() {
        Arbitrary<String> stream = Combinators.combine(Arbitraries.of(0, 4000, 4002), Arbitraries.of(DIRECTIONS),
                Arbitraries.of("", "a=rtpmap:0 PCMU/8000\r\n")).as((port, dir, extra) ->
                "m=audio " + port + " RTP/AVP 0\r\n" + extra + dir);
        return Combinators.combine(Arbitraries.of(DIRECTIONS), stream.list().ofMinSize(1).ofMaxSize(4))
                .as((session, streams) -> {
                    List<String> parts = new ArrayList<>(streams);
                    return "v=0\r\no=x 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" + session
                            + String.join("", parts);
                });
    }
}
