package io.callops.ops.hold;

import io.callops.sip.sdp.Direction;

/**
 * The per-leg hold state of the reference (4.x): two flags, stored as a bitmask in the dialog
 * values {@code call_hold_caller} and {@code call_hold_callee}, with the reference's values so
 * the numbers mean the same in {@code dlg_list_ctx}.
 */
final class HoldFlags {
    /** The proxy will not send media to this leg. */
    static final int SEND_OFF = 4;
    /** The proxy will not receive media from this leg. */
    static final int RECV_OFF = 8;
    static final int BOTH = SEND_OFF | RECV_OFF;

    private HoldFlags() {
    }

    /**
     * The direction to offer a leg, from the direction the impersonated party had (the offer
     * speaks for it): {@link #SEND_OFF} takes away its sending, {@link #RECV_OFF} its
     * receiving. So {@code sendrecv} becomes {@code sendonly} when the leg's audio is cut,
     * and a stream that was already {@code recvonly} becomes {@code inactive} (RFC 3264 §8.4).
     */
    static Direction apply(Direction offerer, int flags) {
        boolean send = offerer == Direction.SENDRECV || offerer == Direction.SENDONLY;
        boolean recv = offerer == Direction.SENDRECV || offerer == Direction.RECVONLY;
        if ((flags & SEND_OFF) != 0) send = false;
        if ((flags & RECV_OFF) != 0) recv = false;
        if (send) return recv ? Direction.SENDRECV : Direction.SENDONLY;
        return recv ? Direction.RECVONLY : Direction.INACTIVE;
    }
}
