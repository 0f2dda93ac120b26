package io.callops.sip.header;

import io.callops.sip.SipParseException;

/** Unsigned decimal header values: Max-Forwards, Content-Length, Expires, delta-seconds. */
public final class Numbers {

    /** RFC 3261 §20.19 caps delta-seconds at 2**32-1. */
    public static final long MAX_DELTA_SECONDS = 4_294_967_295L;

    private Numbers() {
    }

    /**
     * Parses 1*DIGIT after trimming LWS and checks it against {@code max}.
     *
     * @param headerName used in error messages, e.g. "Max-Forwards"
     */
    public static long parseUnsignedInt(CharSequence value, String headerName, long max) {
        if (value == null) {
            throw new SipParseException(headerName + ": missing value");
        }
        String s = HeaderCursor.trimLws(value);
        if (s.isEmpty()) {
            throw new SipParseException(headerName + ": empty value");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new SipParseException(headerName + ": '" + abbreviate(s) + "' is not an unsigned number");
            }
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            v = v * 10 + (s.charAt(i) - '0');
            if (v > max) {
                throw new SipParseException(headerName + ": " + abbreviate(s) + " exceeds maximum " + max);
            }
        }
        return v;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
