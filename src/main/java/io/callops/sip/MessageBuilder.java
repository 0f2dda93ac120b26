package io.callops.sip;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds new requests and responses. The result is parsed back through {@link SipParser},
 * so a built message has exactly the shape of a received one and a mistake in the inputs
 * (a header value with a line break, say) is caught here rather than on the wire.
 */
public final class MessageBuilder {
    private static final SipParser PARSER = new SipParser();

    private final String startLine;
    private final List<String[]> headers = new ArrayList<>(12);
    private byte[] body = new byte[0];
    private String contentType;

    private MessageBuilder(String startLine) {
        this.startLine = startLine;
    }

    public static MessageBuilder request(String method, String requestUri) {
        if (!SipMethod.isValid(method)) {
            throw new IllegalArgumentException("invalid method: " + method);
        }
        requireNoWhiteSpace(requestUri, "Request-URI");
        return new MessageBuilder(method + ' ' + requestUri + " SIP/2.0");
    }

    public static MessageBuilder response(int code, String reason) {
        if (code < 100 || code > 699) {
            throw new IllegalArgumentException("status code out of range: " + code);
        }
        return new MessageBuilder("SIP/2.0 " + code + ' ' + (reason == null ? ReasonPhrases.of(code) : reason));
    }

    /**
     * A response to {@code request} as RFC 3261 §8.2.6.2 says: Via (all, in order), From,
     * To, Call-ID and CSeq copied; a To tag added when the request had none and the response
     * is not 100.
     */
    public static MessageBuilder replyTo(SipRequest request, int code, String reason, String toTag) {
        MessageBuilder b = response(code, reason);
        for (String via : request.headerLines(HeaderName.VIA)) {
            b.header(HeaderName.VIA, via);
        }
        String from = request.header(HeaderName.FROM);
        if (from != null) b.header(HeaderName.FROM, from);
        String to = request.header(HeaderName.TO);
        if (to != null) {
            if (code > 100 && request.toTag() == null && toTag != null) {
                to = to + ";tag=" + toTag;
            }
            b.header(HeaderName.TO, to);
        }
        String callId = request.header(HeaderName.CALL_ID);
        if (callId != null) b.header(HeaderName.CALL_ID, callId);
        String cseq = request.header(HeaderName.CSEQ);
        if (cseq != null) b.header(HeaderName.CSEQ, cseq);
        if (code == 100) {
            String ts = request.header("Timestamp");
            if (ts != null) b.header("Timestamp", ts); // RFC 3261 §8.2.6.1
        }
        return b;
    }

    public MessageBuilder header(HeaderName name, String value) {
        return header(name.canonical(), value);
    }

    public MessageBuilder header(String name, String value) {
        for (int i = 0; i < name.length(); i++) {
            if (!ByteScan.isTokenChar(name.charAt(i))) {
                throw new IllegalArgumentException("invalid header name: " + name);
            }
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("header value with a line break: " + name);
        }
        headers.add(new String[] {name, value});
        return this;
    }

    public MessageBuilder body(byte[] content, String type) {
        this.body = content.clone();
        this.contentType = type;
        return this;
    }

    public SipRequest buildRequest() {
        return (SipRequest) build();
    }

    public SipResponse buildResponse() {
        return (SipResponse) build();
    }

    public SipMessage build() {
        // Sized first and written once into an array of exactly that size: a growing buffer,
        // a string per line and a final copy were several times the message in garbage, and
        // every INVITE's 100 Trying is built here.
        String contentLength = Integer.toString(body.length);
        boolean typed = contentType != null && body.length > 0;
        int length = HeaderTable.utf8Length(startLine) + 2;
        for (String[] h : headers) {
            if (!isContentLength(h[0])) length += headerLength(h[0], h[1]);
        }
        if (typed) length += headerLength("Content-Type", contentType);
        length += headerLength("Content-Length", contentLength) + 2 + body.length;

        byte[] out = new byte[length];
        int pos = endLine(out, HeaderTable.putUtf8(out, 0, startLine));
        for (String[] h : headers) {
            if (!isContentLength(h[0])) pos = putHeader(out, pos, h[0], h[1]);
        }
        if (typed) pos = putHeader(out, pos, "Content-Type", contentType);
        pos = putHeader(out, pos, "Content-Length", contentLength);
        pos = endLine(out, pos);
        System.arraycopy(body, 0, out, pos, body.length);
        ParseResult r = PARSER.parse(out);
        if (r instanceof ParseResult.Success s) {
            return s.message();
        }
        throw new IllegalArgumentException("built message does not parse: " + ((ParseResult.Failure) r).reason());
    }

    private static boolean isContentLength(String name) {
        return name.equalsIgnoreCase("Content-Length");
    }

    private static int headerLength(String name, String value) {
        return HeaderTable.utf8Length(name) + 2 + HeaderTable.utf8Length(value) + 2;
    }

    private static int putHeader(byte[] out, int pos, String name, String value) {
        pos = HeaderTable.putUtf8(out, pos, name);
        out[pos++] = ':';
        out[pos++] = ' ';
        return endLine(out, HeaderTable.putUtf8(out, pos, value));
    }

    private static int endLine(byte[] out, int pos) {
        out[pos++] = '\r';
        out[pos++] = '\n';
        return pos;
    }

    private static void requireNoWhiteSpace(String s, String what) {
        if (s == null || s.isEmpty() || s.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException(what + " is empty or contains white space: " + s);
        }
    }
}
