package io.callops.sip;

import java.util.Locale;

/**
 * The headers the proxy knows by name, with their compact forms (RFC 3261 §7.3.3 and the
 * extensions that registered one). Any other header is {@link #OTHER} and keeps the name it
 * came with.
 */
public enum HeaderName {
    VIA("Via", 'v'),
    FROM("From", 'f'),
    TO("To", 't'),
    CALL_ID("Call-ID", 'i'),
    CSEQ("CSeq", (char) 0),
    MAX_FORWARDS("Max-Forwards", (char) 0),
    ROUTE("Route", (char) 0),
    RECORD_ROUTE("Record-Route", (char) 0),
    CONTACT("Contact", 'm'),
    CONTENT_LENGTH("Content-Length", 'l'),
    CONTENT_TYPE("Content-Type", 'c'),
    CONTENT_ENCODING("Content-Encoding", 'e'),
    EXPIRES("Expires", (char) 0),
    EVENT("Event", 'o'),
    ALLOW_EVENTS("Allow-Events", 'u'),
    REFER_TO("Refer-To", 'r'),
    REFERRED_BY("Referred-By", 'b'),
    REFER_SUB("Refer-Sub", (char) 0),
    REPLACES("Replaces", (char) 0),
    SUBSCRIPTION_STATE("Subscription-State", (char) 0),
    ALLOW("Allow", (char) 0),
    SUPPORTED("Supported", 'k'),
    REQUIRE("Require", (char) 0),
    PROXY_REQUIRE("Proxy-Require", (char) 0),
    UNSUPPORTED("Unsupported", (char) 0),
    RETRY_AFTER("Retry-After", (char) 0),
    USER_AGENT("User-Agent", (char) 0),
    SERVER("Server", (char) 0),
    SUBJECT("Subject", 's'),
    SESSION_EXPIRES("Session-Expires", 'x'),
    IDENTITY("Identity", 'y'),
    MIN_EXPIRES("Min-Expires", (char) 0),
    DATE("Date", (char) 0),
    AUTHORIZATION("Authorization", (char) 0),
    PROXY_AUTHORIZATION("Proxy-Authorization", (char) 0),
    WWW_AUTHENTICATE("WWW-Authenticate", (char) 0),
    PROXY_AUTHENTICATE("Proxy-Authenticate", (char) 0),
    OTHER("", (char) 0);

    private static final HeaderName[] VALUES = values();
    private static final HeaderName[] BY_COMPACT = new HeaderName[128];

    static {
        for (HeaderName h : VALUES) {
            if (h.compact != 0) {
                BY_COMPACT[h.compact] = h;
            }
        }
    }

    private final String canonical;
    private final char compact;
    private final byte[] lowerBytes;
    private final boolean multiValued;

    HeaderName(String canonical, char compact) {
        this.canonical = canonical;
        this.compact = compact;
        this.lowerBytes = canonical.toLowerCase(Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        this.multiValued = isListHeader(canonical);
    }

    /** Headers whose grammar is a comma-separated list (RFC 3261 §7.3.1). */
    private static boolean isListHeader(String name) {
        switch (name) {
            case "Via": case "Route": case "Record-Route": case "Contact": case "Allow":
            case "Supported": case "Require": case "Proxy-Require": case "Unsupported":
            case "Allow-Events": case "Content-Encoding":
                return true;
            default:
                return false;
        }
    }

    /** The name as written by this proxy. */
    public String canonical() {
        return canonical;
    }

    /** The compact form, or 0 when the header has none. */
    public char compact() {
        return compact;
    }

    /** True when the header's values may be combined with commas in one line. */
    public boolean multiValued() {
        return multiValued;
    }

    /** Looks a header name up by its long or compact form, ignoring case. */
    public static HeaderName lookup(byte[] buf, int off, int len) {
        if (len == 1) {
            int c = buf[off] | 0x20;
            return c < 128 && BY_COMPACT[c] != null ? BY_COMPACT[c] : OTHER;
        }
        // A linear scan over ~40 names is cheaper than hashing for the usual 10-20 headers,
        // and the length check rejects almost every candidate at once.
        for (int i = 0; i < VALUES.length - 1; i++) {
            byte[] n = VALUES[i].lowerBytes;
            if (n.length == len && equalsIgnoreCase(buf, off, n)) {
                return VALUES[i];
            }
        }
        return OTHER;
    }

    /** Looks a header name up by text. */
    public static HeaderName lookup(String name) {
        byte[] b = name.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return lookup(b, 0, b.length);
    }

    private static boolean equalsIgnoreCase(byte[] buf, int off, byte[] lower) {
        for (int i = 0; i < lower.length; i++) {
            int c = buf[off + i];
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            if (c != lower[i]) {
                return false;
            }
        }
        return true;
    }
}
