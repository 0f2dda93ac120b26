package io.callops.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import io.callops.sip.sdp.SessionDescription;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the other party writes, a leg that got an SDP of ours sees versions that never go
 * down, go up whenever the SDP changed and stay when it did not (decision 6, RFC 3264 §8).
 */
class SdpVersionsProperties {
    private static final List<String> DIRECTIONS = List.of("sendrecv", "sendonly", "recvonly", "inactive");

    /** One SDP reaching the leg: {@code offer} ours, else relayed; content picked from a few; version as written. */
    record Step(boolean offer, int content, long version) {
    }

    @Property(tries = 500)
    void versionsSeenNeverDecreaseAndMoveExactlyWhenTheSdpChanges(@ForAll("steps") List<Step> steps) {
        Leg leg = new Leg();
        leg.sdpSent = sdp(0, 1).toString();
        SessionDescription last = SdpVersions.offered(leg, sdp(3, 1));
        for (Step step : steps) {
            SessionDescription written = sdp(step.content(), step.version());
            SessionDescription seen = step.offer() ? SdpVersions.offered(leg, written) : SdpVersions.relayed(leg, written);

            BigInteger before = last.origin().sessionVersion();
            BigInteger now = seen.origin().sessionVersion();
            if (sameApartFromVersion(seen, last)) {
                assertThat(now).as("unchanged SDP keeps its version").isEqualTo(before);
            } else {
                assertThat(now).as("changed SDP gets a higher version").isGreaterThan(before);
            }
            assertThat(sameApartFromVersion(seen, written)).as("only the version is touched").isTrue();
            last = seen;
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = net.jqwik.api.Combinators.combine(Arbitraries.of(true, false, false, false),
                Arbitraries.integers().between(0, DIRECTIONS.size() - 1), Arbitraries.longs().between(0, 30))
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(30);
    }

    private static SessionDescription sdp(int content, long version) {
        return SessionDescription.parse("v=0\r\no=other 5 " + version + " IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n"
                + "t=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=" + DIRECTIONS.get(content) + "\r\n");
    }

    private static boolean sameApartFromVersion(SessionDescription a, SessionDescription b) {
        return a.withOriginVersion(BigInteger.ZERO).equals(b.withOriginVersion(BigInteger.ZERO));
    }
}
