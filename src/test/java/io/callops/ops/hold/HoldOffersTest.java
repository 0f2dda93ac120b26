package io.callops.ops.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callops.dialog.LegRole;
import io.callops.sip.sdp.Direction;
import io.callops.sip.sdp.SessionDescription;
import org.junit.jupiter.api.Test;

/** The offers of a hold and an unhold, line by line (decision 6, reference §4.3 leg semantics). */
class HoldOffersTest {
    private static final String HEAD = "v=0\r\no=bob 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n";
    /** Audio without a direction, video recvonly, and a rejected stream. */
    private static final SessionDescription MIXED = SessionDescription.parse(HEAD
            + "m=audio 4000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n"
            + "m=video 4002 RTP/AVP 96\r\na=recvonly\r\n"
            + "m=text 0 RTP/AVP 98\r\n");

    @Test
    void flagsTakeSendingAndReceivingAwayFromWhatTheOffererHad() {
        assertThat(HoldFlags.apply(Direction.SENDRECV, HoldFlags.SEND_OFF)).isEqualTo(Direction.RECVONLY);
        assertThat(HoldFlags.apply(Direction.SENDRECV, HoldFlags.RECV_OFF)).isEqualTo(Direction.SENDONLY);
        assertThat(HoldFlags.apply(Direction.SENDRECV, HoldFlags.BOTH)).isEqualTo(Direction.INACTIVE);
        assertThat(HoldFlags.apply(Direction.RECVONLY, HoldFlags.RECV_OFF)).isEqualTo(Direction.INACTIVE);
        assertThat(HoldFlags.apply(Direction.RECVONLY, HoldFlags.SEND_OFF)).isEqualTo(Direction.RECVONLY);
        assertThat(HoldFlags.apply(Direction.SENDONLY, HoldFlags.RECV_OFF)).isEqualTo(Direction.SENDONLY);
        assertThat(HoldFlags.apply(Direction.SENDONLY, HoldFlags.SEND_OFF)).isEqualTo(Direction.INACTIVE);
        for (Direction d : Direction.values()) {
            assertThat(HoldFlags.apply(d, 0)).isEqualTo(d);
        }
    }

    @Test
    void scopesGiveTheHeldPartyRecvOffAndTheOtherSendOff() {
        assertThat(HoldScope.CALLER.flags(LegRole.CALLER)).isEqualTo(HoldFlags.RECV_OFF);
        assertThat(HoldScope.CALLER.flags(LegRole.CALLEE)).isEqualTo(HoldFlags.SEND_OFF);
        assertThat(HoldScope.CALLEE.flags(LegRole.CALLER)).isEqualTo(HoldFlags.SEND_OFF);
        assertThat(HoldScope.CALLEE.flags(LegRole.CALLEE)).isEqualTo(HoldFlags.RECV_OFF);
        assertThat(HoldScope.BOTH.flags(LegRole.CALLER)).isEqualTo(HoldFlags.BOTH);
        assertThat(HoldScope.parse("bold")).isNull();
    }

    @Test
    void holdOfBothLegsMakesEveryAcceptedStreamInactiveAndAddsMissingAttributes() {
        SessionDescription offer = HoldOffers.offer(MIXED, MIXED, HoldFlags.BOTH);

        assertThat(offer.toString()).isEqualTo(HEAD
                + "m=audio 4000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=inactive\r\n"
                + "m=video 4002 RTP/AVP 96\r\na=inactive\r\n"
                + "m=text 0 RTP/AVP 98\r\n");
        assertThat(offer.origin()).isEqualTo(MIXED.origin()); // the dialog layer stamps the version
    }

    @Test
    void holdOfTheCallerLegOffersSendonlyToTheCallerAndRecvonlyToTheCallee() {
        SessionDescription toCaller = HoldOffers.offer(MIXED, MIXED, HoldScope.CALLER.flags(LegRole.CALLER));
        SessionDescription toCallee = HoldOffers.offer(MIXED, MIXED, HoldScope.CALLER.flags(LegRole.CALLEE));

        assertThat(directions(toCaller)).containsExactly(Direction.SENDONLY, Direction.INACTIVE, null);
        assertThat(directions(toCallee)).containsExactly(Direction.RECVONLY, Direction.RECVONLY, null);
    }

    @Test
    void nothingToChangeMeansNoOffer() {
        SessionDescription held = HoldOffers.offer(MIXED, MIXED, HoldFlags.BOTH);

        assertThat(HoldOffers.offer(held, MIXED, HoldFlags.BOTH)).isNull();
        SessionDescription onlyRejected = SessionDescription.parse(HEAD + "m=audio 0 RTP/AVP 0\r\n");
        assertThat(HoldOffers.offer(onlyRejected, onlyRejected, HoldFlags.BOTH)).isNull();
    }

    @Test
    void unholdGivesBackTheDirectionsFromBeforeTheHold() {
        SessionDescription held = HoldOffers.offer(MIXED, MIXED, HoldFlags.BOTH);

        SessionDescription resumed = HoldOffers.offer(held, MIXED, 0);
        assertThat(directions(resumed)).containsExactly(Direction.SENDRECV, Direction.RECVONLY, null);
        SessionDescription partly = HoldOffers.offer(held, MIXED, HoldFlags.SEND_OFF);
        assertThat(directions(partly)).containsExactly(Direction.RECVONLY, Direction.RECVONLY, null);
    }

    @Test
    void aSessionLevelDirectionIsKeptAndOverriddenPerStream() {
        SessionDescription sessionLevel = SessionDescription.parse(HEAD + "a=sendonly\r\nm=audio 4000 RTP/AVP 0\r\n");

        SessionDescription offer = HoldOffers.offer(sessionLevel, sessionLevel, HoldFlags.RECV_OFF);
        assertThat(offer).isNull(); // sendonly already sends nothing it receives
        SessionDescription cut = HoldOffers.offer(sessionLevel, sessionLevel, HoldFlags.SEND_OFF);
        assertThat(cut.toString()).isEqualTo(HEAD + "a=sendonly\r\nm=audio 4000 RTP/AVP 0\r\na=inactive\r\n");
        assertThat(HoldOffers.offer(cut, sessionLevel, 0).toString())
                .isEqualTo(HEAD + "a=sendonly\r\nm=audio 4000 RTP/AVP 0\r\na=sendonly\r\n");
    }

    @Test
    void aStreamAddedDuringTheHoldKeepsItsOwnDirection() {
        SessionDescription before = SessionDescription.parse(HEAD + "m=audio 4000 RTP/AVP 0\r\n");
        SessionDescription now = SessionDescription.parse(HEAD + "m=audio 4000 RTP/AVP 0\r\na=inactive\r\n"
                + "m=video 4002 RTP/AVP 96\r\na=sendonly\r\n");

        assertThat(directions(HoldOffers.offer(now, before, 0))).containsExactly(Direction.SENDRECV, Direction.SENDONLY);
    }

    @Test
    void anOfferNeedsAnSdpWithMedia() {
        assertThatThrownBy(() -> HoldOffers.usable(null, LegRole.CALLER)).hasMessageContaining("caller");
        assertThatThrownBy(() -> HoldOffers.usable("hello", LegRole.CALLEE)).hasMessageContaining("callee");
        assertThatThrownBy(() -> HoldOffers.usable(HEAD, LegRole.CALLEE)).hasMessageContaining("no media line");
    }

    private static java.util.List<Direction> directions(SessionDescription s) {
        java.util.List<Direction> out = new java.util.ArrayList<>();
        s.media().forEach(m -> out.add(m.explicitDirection()));
        return out;
    }
}
