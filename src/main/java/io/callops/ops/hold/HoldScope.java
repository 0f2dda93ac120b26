package io.callops.ops.hold;

import io.callops.dialog.LegRole;
import java.util.Locale;

/**
 * The {@code leg} parameter of {@code call_hold}/{@code call_unhold}, turned into flags per
 * leg as the reference 4.x does: {@code caller} cuts what the caller says (the caller stops
 * being heard, still hears the callee), {@code callee} the mirror image, {@code both} cuts
 * everything.
 */
enum HoldScope {
    BOTH,
    CALLER,
    CALLEE;

    /** {@code caller}, {@code callee} or {@code both} (lower case only, as the reference); null for anything else. */
    static HoldScope parse(String s) {
        for (HoldScope scope : values()) {
            if (scope.name().toLowerCase(Locale.ROOT).equals(s)) return scope;
        }
        return null;
    }

    /** The flags this scope asks of one leg. */
    int flags(LegRole leg) {
        return switch (this) {
            case BOTH -> HoldFlags.BOTH;
            // The held party is not received from; the other one is not sent its media.
            case CALLER -> leg == LegRole.CALLER ? HoldFlags.RECV_OFF : HoldFlags.SEND_OFF;
            case CALLEE -> leg == LegRole.CALLEE ? HoldFlags.RECV_OFF : HoldFlags.SEND_OFF;
        };
    }
}
