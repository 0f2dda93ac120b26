package io.callops.sip;

import java.nio.charset.StandardCharsets;

/** A SIP request: {@code Method SP Request-URI SP SIP-Version} (RFC 3261 §7.1). */
public final class SipRequest extends SipMessage {
    private final String method;
    private String requestUri; // null until first read when parsed: then [uriStart, uriEnd) of buf
    private final int uriStart;
    private final int uriEnd;
    private final String version;
    private io.callops.sip.uri.Uri parsedUri;

    SipRequest(byte[] buf, int startLineStart, int startLineEnd, String method, String requestUri, int uriStart,
               int uriEnd, String version, HeaderTable headers, int sepStart, int sepEnd, byte[] bodyBuf,
               int bodyOff, int bodyLen) {
        super(buf, startLineStart, startLineEnd, headers, sepStart, sepEnd, bodyBuf, bodyOff, bodyLen);
        this.method = method;
        this.requestUri = requestUri;
        this.uriStart = uriStart;
        this.uriEnd = uriEnd;
        this.version = version;
    }

    private SipRequest(SipRequest other) {
        super(other);
        this.method = other.method;
        this.requestUri = other.requestUri;
        this.uriStart = other.uriStart;
        this.uriEnd = other.uriEnd;
        this.version = other.version;
        this.parsedUri = other.parsedUri; // immutable, safe to share
    }

    @Override
    public SipRequest copy() {
        return new SipRequest(this);
    }

    public String method() {
        return method;
    }

    public boolean isMethod(String m) {
        return method.equals(m);
    }

    /** The Request-URI as written on the wire. */
    public String requestUri() {
        if (requestUri == null) {
            // Created on first use: a proxy that only relays by Route never needs it as text.
            requestUri = new String(buf, uriStart, uriEnd - uriStart, StandardCharsets.UTF_8);
        }
        return requestUri;
    }

    /** Whether the Request-URI is still the received bytes and a plain sip: or sips: URI ({@link PlainSyntax}). */
    boolean hasPlainRequestUri() {
        return requestUri == null && uriEnd > uriStart && PlainSyntax.isPlainSipUri(buf, uriStart, uriEnd);
    }

    public void setRequestUri(String uri) {
        this.requestUri = uri;
        this.parsedUri = null;
        markStartLineEdited();
    }

    /**
     * The Request-URI parsed, cached: validation, route processing and routing all read it,
     * and parsing it once per request instead of once per reader matters at high rates.
     *
     * @throws SipParseException when it does not parse
     */
    public io.callops.sip.uri.Uri parsedRequestUri() {
        if (parsedUri == null) {
            parsedUri = io.callops.sip.uri.Uri.parse(requestUri());
        }
        return parsedUri;
    }

    public String version() {
        return version;
    }

    @Override
    public String startLine() {
        return method + ' ' + requestUri() + ' ' + version;
    }
}
