package io.callops.dialog;

import io.callops.sip.HeaderName;
import io.callops.sip.SipMessage;
import io.callops.sip.header.NameAddr;

/** The remote target (RFC 3261 §12.1): the URI of a message's first Contact. */
final class ContactUris {
    private ContactUris() {
    }

    /** The first Contact's URI, or null when there is none or it cannot be read. */
    static String first(SipMessage m) {
        String c = m.firstValue(HeaderName.CONTACT);
        if (c == null) return null;
        // Nearly every Contact is "<uri>" with parameters after it: the URI is what the angle
        // brackets enclose, taken as written. Other forms get the full parser.
        int open = c.indexOf('<');
        if (open >= 0) {
            int close = c.indexOf('>', open + 1);
            if (close > open + 1 && c.indexOf('"') < 0) {
                return c.substring(open + 1, close).trim();
            }
        }
        try {
            return NameAddr.parse(c).uri().toString();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
