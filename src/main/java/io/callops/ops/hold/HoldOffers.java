package io.callops.ops.hold;

import io.callops.dialog.Dialog;
import io.callops.dialog.Leg;
import io.callops.dialog.LegRole;
import io.callops.sip.sdp.Direction;
import io.callops.sip.sdp.MediaDescription;
import io.callops.sip.sdp.SdpParseException;
import io.callops.sip.sdp.SessionDescription;
import java.util.List;

/**
 * The SDP offered to a leg when its hold flags change (decision 6).
 *
 * <p>The offer starts from the SDP last sent towards the leg, so it speaks for the party we
 * impersonate, with that party's current addresses and codecs. Each accepted stream gets the
 * direction that party had before the hold with the leg's flags applied
 * ({@link HoldFlags#apply}), written as a media-level attribute: a session-level direction
 * is left as it is, and the media-level one overrides it (RFC 8866 §6.7). Rejected streams
 * (port 0) are left exactly as they are; {@code c=} is never set to 0.0.0.0. The {@code o=}
 * version is the dialog layer's business: it stamps every SDP we send.
 */
final class HoldOffers {
    private HoldOffers() {
    }

    /** The SDP last sent towards {@code leg}: its own copy, or else what the other party sent. */
    static String baseOf(Dialog d, LegRole leg) {
        Leg target = d.leg(leg);
        return target.sdpSent() != null ? target.sdpSent() : d.leg(leg.other()).sdpReceived();
    }

    /**
     * Parses an SDP an offer can be built on: it must parse and have a media line.
     *
     * @throws NoUsableSdp naming the leg and what is wrong
     */
    static SessionDescription usable(String sdp, LegRole leg) {
        if (sdp == null) throw new NoUsableSdp(leg, "no SDP was exchanged with it");
        SessionDescription parsed;
        try {
            parsed = SessionDescription.parse(sdp);
        } catch (SdpParseException e) {
            throw new NoUsableSdp(leg, e.getMessage());
        }
        if (parsed.media().isEmpty()) throw new NoUsableSdp(leg, "its SDP has no media line");
        return parsed;
    }

    /**
     * The offer for a leg whose flags become {@code flags}, or null when every accepted
     * stream of {@code base} already has its direction (no re-INVITE needed).
     *
     * @param base   the SDP last sent towards the leg
     * @param before the SDP sent towards it before it was first held (its directions come back on unhold)
     */
    static SessionDescription offer(SessionDescription base, SessionDescription before, int flags) {
        List<MediaDescription> media = base.media();
        SessionDescription out = base;
        boolean changes = false;
        for (int i = 0; i < media.size(); i++) {
            MediaDescription m = media.get(i);
            if (m.rejected()) continue;
            Direction wanted = HoldFlags.apply(directionBefore(base, before, i), flags);
            if (m.effectiveDirection(base.sessionDirection()) != wanted) changes = true;
            if (m.explicitDirection() != wanted) out = out.withMediaDirection(i, wanted);
        }
        return changes ? out : null;
    }

    /** A stream's direction before the hold; a stream added since then counts with its current one. */
    private static Direction directionBefore(SessionDescription base, SessionDescription before, int i) {
        if (i < before.media().size() && !before.media().get(i).rejected()) {
            return before.media().get(i).effectiveDirection(before.sessionDirection());
        }
        return base.media().get(i).effectiveDirection(base.sessionDirection());
    }

    /** A leg we cannot build an offer for. */
    static final class NoUsableSdp extends RuntimeException {
        NoUsableSdp(LegRole leg, String why) {
            super("No usable SDP for the " + leg.text() + ": " + why, null, false, false);
        }
    }
}
