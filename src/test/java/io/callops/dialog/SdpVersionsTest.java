package io.callops.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import io.callops.dialog.store.DialogRecord;
import io.callops.sip.MessageBuilder;
import io.callops.sip.SipRequest;
import io.callops.sip.sdp.SessionDescription;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The {@code o=} versions a leg sees once the proxy wrote an SDP towards it (decision 6). */
class SdpVersionsTest {
    static final String CALLEE_SDP = "v=0\r\no=callee 7 %d IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 4000 RTP/AVP 0\r\na=%s\r\n";

    private static SessionDescription sdp(long version, String direction) {
        return SessionDescription.parse(String.format(CALLEE_SDP, version, direction));
    }

    private static BigInteger version(SessionDescription s) {
        return s.origin().sessionVersion();
    }

    @Test
    void aLegWeNeverWroteTowardsIsLeftAlone() {
        Leg caller = new Leg();
        SipRequest invite = request(sdp(1, "sendrecv"));
        byte[] before = invite.toBytes();

        SdpVersions.relay(caller, invite);

        assertThat(invite.toBytes()).isEqualTo(before);
        assertThat(caller.sdpVersionSeen).isNull();
    }

    @Test
    void ourOfferGoesAboveWhatWasRelayedEvenAPendingOffer() {
        Leg caller = new Leg();
        caller.sdpSent = sdp(4, "sendrecv").toString();
        caller.pendingSdpSent = sdp(5, "sendonly").toString(); // offered, then rejected: the phone saw 5

        SessionDescription offer = SdpVersions.offered(caller, sdp(4, "inactive"));

        assertThat(version(offer)).isEqualTo(6);
        assertThat(offer.toString()).contains("a=inactive");
    }

    @Test
    void theSameOfferAgainAfter491KeepsItsVersion() {
        Leg caller = new Leg();
        caller.sdpSent = sdp(1, "sendrecv").toString();
        SessionDescription first = SdpVersions.offered(caller, sdp(1, "inactive"));
        SessionDescription again = SdpVersions.offered(caller, sdp(1, "inactive"));

        assertThat(version(again)).isEqualTo(version(first)).isEqualTo(2);
    }

    @Test
    void afterOurOfferTheOtherPartysSdpIsShiftedAndAnUnchangedOneKeepsItsVersion() {
        Leg caller = new Leg();
        caller.sdpSent = sdp(1, "sendrecv").toString();
        SdpVersions.offered(caller, sdp(1, "inactive")); // the caller saw 2

        // The callee refreshes the session with its SDP unchanged (version 1): new to the caller.
        SessionDescription refresh = SdpVersions.relayed(caller, sdp(1, "sendrecv"));
        assertThat(version(refresh)).isEqualTo(3);
        assertThat(version(SdpVersions.relayed(caller, sdp(1, "sendrecv")))).isEqualTo(3);
        // Its next change (version 2) comes out one higher.
        assertThat(version(SdpVersions.relayed(caller, sdp(2, "sendonly")))).isEqualTo(4);
        // A version that jumps ahead is kept as the shift says.
        assertThat(version(SdpVersions.relayed(caller, sdp(10, "recvonly")))).isEqualTo(12);
    }

    @Test
    void aRelayedBodyIsRewrittenWithItsContentLength() {
        Leg caller = new Leg();
        caller.sdpSent = sdp(9, "sendrecv").toString();
        SdpVersions.offered(caller, sdp(9, "inactive")); // saw 10
        SipRequest invite = request(sdp(9, "sendrecv"));

        SdpVersions.relay(caller, invite);

        assertThat(invite.bodyText()).contains("o=callee 7 11 IN IP4");
        assertThat(invite.contentLength()).isEqualTo(invite.bodyLength());
    }

    @Test
    void versionStateSurvivesTheStore() {
        Dialog d = new Dialog(1, "cid", 1, 0);
        d.caller.tag = "a";
        d.callee.tag = "b";
        d.state = DialogState.CONFIRMED;
        d.caller.sdpSent = sdp(1, "sendrecv").toString();
        SdpVersions.offered(d.caller, sdp(1, "inactive"));
        SdpVersions.relayed(d.caller, sdp(1, "sendrecv"));

        DialogRecord record = DialogSnapshots.of(d);
        Dialog back = DialogSnapshots.restore(record);

        assertThat(back.caller.sdpVersionSeen).isEqualTo(d.caller.sdpVersionSeen);
        assertThat(back.caller.sdpVersionShift).isEqualTo(d.caller.sdpVersionShift);
        assertThat(back.caller.sdpSeenDigest).isEqualTo(d.caller.sdpSeenDigest);
        assertThat(back.callee.sdpVersionSeen).isNull();
        assertThat(version(SdpVersions.relayed(back.caller, sdp(1, "sendrecv")))).isEqualTo(3);
    }

    private static SipRequest request(SessionDescription body) {
        return MessageBuilder.request("INVITE", "sip:caller@127.0.0.1")
                .header("Via", "SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1")
                .header("From", "<sip:callee@127.0.0.1>;tag=b").header("To", "<sip:caller@127.0.0.1>;tag=a")
                .header("Call-ID", "cid").header("CSeq", "2 INVITE")
                .body(body.toString().getBytes(StandardCharsets.UTF_8), "application/sdp").buildRequest();
    }
}
