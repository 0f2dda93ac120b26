package io.callops.dialog;

import io.callops.sip.SipMessage;

/** Reads the SDP a message carries, if any (R8 keeps it per leg). */
final class SdpBodies {
    private SdpBodies() {
    }

    /** The body as text when it is SDP, else null. */
    static String of(SipMessage m) {
        return carriesSdp(m) ? m.bodyText() : null;
    }

    /** True when the message has a body of type {@code application/sdp}. */
    static boolean carriesSdp(SipMessage m) {
        return m.bodyLength() > 0 && isSdpType(m.contentType());
    }

    static boolean isSdpType(String contentType) {
        return contentType != null && contentType.regionMatches(true, 0, "application/sdp", 0, 15);
    }
}
