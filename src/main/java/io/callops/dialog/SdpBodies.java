package io.callops.dialog;

import io.callops.sip.SipMessage;

/** Reads the SDP a message carries, if any (R8 keeps it per leg). */
final class SdpBodies {
    private SdpBodies() {
    }

    /** The body as text when it is SDP, else null. */
    static String of(SipMessage m) {
        if (m.bodyLength() == 0) return null;
        String ct = m.contentType();
        if (ct == null || !ct.regionMatches(true, 0, "application/sdp", 0, 15)) return null;
        return m.bodyText();
    }
}
