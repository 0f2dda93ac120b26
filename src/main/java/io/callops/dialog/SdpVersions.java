package io.callops.dialog;

import io.callops.sip.SipMessage;
import io.callops.sip.sdp.SdpParseException;
import io.callops.sip.sdp.SessionDescription;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@code o=} session version each leg sees strictly increasing once the proxy has
 * written an SDP of its own towards it (decision 6, RFC 3264 §8).
 *
 * <p>A leg that got our offer (a hold, say) has seen a version the other party never wrote.
 * From then on every SDP relayed towards that leg is judged against what the leg last saw:
 * the same SDP (apart from its version) keeps the version the leg knows; a changed one gets
 * the other party's version plus a per-leg shift, and when that would not be higher than
 * what the leg saw, the shift grows so that it is. Legs towards which we never wrote an SDP
 * are not tracked at all, so most calls pay one null check per relayed message.
 *
 * <p>Runs on the dialog's worker, like everything that touches a {@link Leg}.
 */
final class SdpVersions {
    private static final Logger log = LoggerFactory.getLogger(SdpVersions.class);
    private static final HexFormat HEX = HexFormat.of();

    private SdpVersions() {
    }

    /** Rewrites the version of an SDP body relayed towards {@code target}, when that leg's versions are ours to keep. */
    static void relay(Leg target, SipMessage m) {
        if (target.sdpVersionSeen == null || !SdpBodies.carriesSdp(m)) return;
        SessionDescription sdp = parse(m.body());
        if (sdp == null) return;
        SessionDescription out = relayed(target, sdp);
        if (out != sdp) m.setBody(out.toBytes(), null);
    }

    /** The SDP as {@code target} must see it; the same instance when its version stays. */
    static SessionDescription relayed(Leg target, SessionDescription sdp) {
        BigInteger written = sdp.origin().sessionVersion();
        String digest = digest(sdp);
        BigInteger version;
        if (digest.equals(target.sdpSeenDigest)) {
            version = target.sdpVersionSeen; // RFC 3264 §8: an unchanged SDP keeps its version
        } else {
            version = written.add(target.sdpVersionShift);
            if (version.compareTo(target.sdpVersionSeen) <= 0) {
                version = target.sdpVersionSeen.add(BigInteger.ONE);
                target.sdpVersionShift = version.subtract(written);
            }
        }
        target.sdpVersionSeen = version;
        target.sdpSeenDigest = digest;
        return version.equals(written) ? sdp : sdp.withOriginVersion(version);
    }

    /**
     * Stamps an SDP the proxy itself writes towards {@code target} with a version above every
     * one that leg saw, and starts keeping the leg's versions. A body that is not SDP we can
     * read is sent as it is.
     */
    static byte[] offer(Leg target, byte[] body) {
        SessionDescription sdp = parse(body);
        if (sdp == null) return body;
        return offered(target, sdp).toBytes();
    }

    static SessionDescription offered(Leg target, SessionDescription sdp) {
        String digest = digest(sdp);
        BigInteger version;
        if (target.sdpVersionSeen != null && digest.equals(target.sdpSeenDigest)) {
            version = target.sdpVersionSeen; // the same offer again (after a 491): the same version
        } else {
            BigInteger seen = target.sdpVersionSeen != null ? target.sdpVersionSeen : lastRelayedVersion(target);
            BigInteger floor = seen == null ? sdp.origin().sessionVersion() : seen.max(sdp.origin().sessionVersion());
            version = floor.add(BigInteger.ONE);
        }
        if (target.sdpVersionShift == null) target.sdpVersionShift = BigInteger.ZERO;
        target.sdpVersionSeen = version;
        target.sdpSeenDigest = digest;
        return sdp.withOriginVersion(version);
    }

    /**
     * Before we ever wrote towards the leg, what it saw is what was relayed to it unchanged:
     * the last accepted SDP and an offer still pending or rejected.
     */
    private static BigInteger lastRelayedVersion(Leg target) {
        BigInteger a = versionOf(target.sdpSent);
        BigInteger b = versionOf(target.pendingSdpSent);
        if (a == null) return b;
        return b == null ? a : a.max(b);
    }

    private static BigInteger versionOf(String sdp) {
        if (sdp == null) return null;
        try {
            return SessionDescription.parse(sdp).origin().sessionVersion();
        } catch (SdpParseException e) {
            return null;
        }
    }

    private static SessionDescription parse(byte[] body) {
        try {
            return SessionDescription.parse(body, 0, body.length);
        } catch (SdpParseException e) {
            log.debug("SDP left as it is, its o= version cannot be kept: {}", e.getMessage());
            return null;
        }
    }

    /** The SDP with its version set to 0, hashed: equal for SDPs that differ only in the version. */
    static String digest(SessionDescription sdp) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(sdp.withOriginVersion(BigInteger.ZERO).toBytes());
            return HEX.formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
