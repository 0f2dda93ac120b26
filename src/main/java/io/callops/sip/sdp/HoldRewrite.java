package io.callops.sip.sdp;

import java.util.List;
import java.util.Objects;

/**
 * The hold and resume rewrites this proxy applies to an SDP it sends in its own re-INVITE.
 *
 * <p>Hold follows RFC 3264 §8.4 and RFC 6337 §5: a stream we were sending on keeps sending
 * ({@code sendonly}, so the held party can get music on hold), a stream that was receive-only
 * becomes {@code inactive}. The deprecated {@code c=0.0.0.0} trick of RFC 2543 is never used,
 * and rejected streams (port 0) are left exactly as they are. Neither method touches the
 * {@code o=} version: the caller bumps it once per offer it actually sends.
 */
public final class HoldRewrite {
    private HoldRewrite() {}

    /** The direction a stream gets when put on hold. */
    public static Direction heldDirection(Direction current) {
        Objects.requireNonNull(current, "current");
        return switch (current) {
            case SENDRECV, SENDONLY -> Direction.SENDONLY;
            case RECVONLY, INACTIVE -> Direction.INACTIVE;
        };
    }

    /**
     * {@code current} with every accepted stream put on hold. A stream already in its held
     * direction is not rewritten, so its lines stay as they were.
     */
    public static SessionDescription hold(SessionDescription current) {
        SessionDescription result = current;
        List<MediaDescription> media = current.media();
        for (int i = 0; i < media.size(); i++) {
            MediaDescription section = media.get(i);
            if (section.rejected()) {
                continue;
            }
            Direction now = section.effectiveDirection(current.sessionDirection());
            Direction held = heldDirection(now);
            if (held != now) {
                result = result.withMediaDirection(i, held);
            }
        }
        return result;
    }

    /**
     * {@code held} with each stream given back the effective direction it had in {@code original},
     * written as an explicit media-level attribute. Streams rejected in either description are
     * left alone, as are streams added after the original (RFC 3264 §8 lets offers add m= lines
     * but never remove them).
     *
     * @throws IllegalArgumentException if {@code held} has fewer media sections than {@code original}
     */
    public static SessionDescription unhold(SessionDescription held, SessionDescription original) {
        List<MediaDescription> heldMedia = held.media();
        List<MediaDescription> originalMedia = original.media();
        if (heldMedia.size() < originalMedia.size()) {
            throw new IllegalArgumentException("held SDP has " + heldMedia.size()
                    + " media sections but the original had " + originalMedia.size());
        }
        SessionDescription result = held;
        for (int i = 0; i < originalMedia.size(); i++) {
            MediaDescription before = originalMedia.get(i);
            MediaDescription now = heldMedia.get(i);
            if (before.rejected() || now.rejected()) {
                continue;
            }
            Direction wanted = before.effectiveDirection(original.sessionDirection());
            if (now.explicitDirection() != wanted) {
                result = result.withMediaDirection(i, wanted);
            }
        }
        return result;
    }
}
