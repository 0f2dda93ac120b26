package io.callops.sip;

import java.nio.charset.StandardCharsets;

/** Method names (RFC 3261 §7.1 and extensions). Methods are case-sensitive tokens. */
public final class SipMethod {
    public static final String INVITE = "INVITE";
    public static final String ACK = "ACK";
    public static final String BYE = "BYE";
    public static final String CANCEL = "CANCEL";
    public static final String OPTIONS = "OPTIONS";
    public static final String REGISTER = "REGISTER";
    public static final String PRACK = "PRACK";
    public static final String SUBSCRIBE = "SUBSCRIBE";
    public static final String NOTIFY = "NOTIFY";
    public static final String PUBLISH = "PUBLISH";
    public static final String INFO = "INFO";
    public static final String REFER = "REFER";
    public static final String MESSAGE = "MESSAGE";
    public static final String UPDATE = "UPDATE";

    private static final String[] KNOWN = {INVITE, ACK, BYE, CANCEL, OPTIONS, REGISTER, PRACK,
        SUBSCRIBE, NOTIFY, PUBLISH, INFO, REFER, MESSAGE, UPDATE};
    private static final byte[][] KNOWN_BYTES = new byte[KNOWN.length][];

    static {
        for (int i = 0; i < KNOWN.length; i++) {
            KNOWN_BYTES[i] = KNOWN[i].getBytes(StandardCharsets.US_ASCII);
        }
    }

    private SipMethod() {}

    /** The method as a String, reusing the constant for the usual methods to avoid garbage. */
    static String intern(byte[] b, int off, int len) {
        outer:
        for (int k = 0; k < KNOWN_BYTES.length; k++) {
            byte[] m = KNOWN_BYTES[k];
            if (m.length != len) {
                continue;
            }
            for (int i = 0; i < len; i++) {
                if (b[off + i] != m[i]) {
                    continue outer;
                }
            }
            return KNOWN[k];
        }
        return new String(b, off, len, StandardCharsets.US_ASCII);
    }

    /** True for the methods of RFC 3261 and the extensions listed above (case-sensitive, §7.1). */
    public static boolean isKnown(String method) {
        for (String m : KNOWN) {
            if (m.equals(method)) {
                return true;
            }
        }
        return false;
    }

    /** True for a non-empty token (RFC 3261 §25.1 Method = extension-method = token). */
    public static boolean isValid(String method) {
        if (method == null || method.isEmpty()) {
            return false;
        }
        for (int i = 0; i < method.length(); i++) {
            if (!ByteScan.isTokenChar(method.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
