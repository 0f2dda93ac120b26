package io.callops.sip;

/** A SIP response: {@code SIP-Version SP Status-Code SP Reason-Phrase} (RFC 3261 §7.2). */
public final class SipResponse extends SipMessage {
    private final String version;
    private final int statusCode;
    private final String reasonPhrase;

    SipResponse(byte[] buf, int startLineStart, int startLineEnd, String version, int statusCode, String reason,
                HeaderTable headers, int sepStart, int sepEnd, byte[] bodyBuf, int bodyOff, int bodyLen) {
        super(buf, startLineStart, startLineEnd, headers, sepStart, sepEnd, bodyBuf, bodyOff, bodyLen);
        this.version = version;
        this.statusCode = statusCode;
        this.reasonPhrase = reason;
    }

    private SipResponse(SipResponse other) {
        super(other);
        this.version = other.version;
        this.statusCode = other.statusCode;
        this.reasonPhrase = other.reasonPhrase;
    }

    @Override
    public SipResponse copy() {
        return new SipResponse(this);
    }

    public int statusCode() {
        return statusCode;
    }

    /** The reason phrase, possibly empty. */
    public String reasonPhrase() {
        return reasonPhrase;
    }

    public String version() {
        return version;
    }

    /** 1 for provisional, 2 for success, ... 6 for global failure. */
    public int statusClass() {
        return statusCode / 100;
    }

    public boolean isProvisional() {
        return statusCode < 200;
    }

    /** e.g. {@code 486 Busy Here}, the form events and logs use. */
    public String status() {
        return reasonPhrase.isEmpty() ? Integer.toString(statusCode) : statusCode + " " + reasonPhrase;
    }

    @Override
    public String startLine() {
        return version + ' ' + statusCode + ' ' + reasonPhrase;
    }
}
