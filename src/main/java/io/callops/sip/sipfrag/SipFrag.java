package io.callops.sip.sipfrag;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code message/sipfrag} body (RFC 3420): a SIP start line, optionally some header fields and
 * optionally a body. Its main use here is the NOTIFY that reports REFER progress (RFC 3515 §2.4.5),
 * whose body is just a status line such as {@code SIP/2.0 200 OK}. Immutable.
 */
public final class SipFrag {
    private static final String CRLF = "\r\n";

    private final StartLine startLine;
    private final List<SipFragHeader> headers;
    private final byte[] body;

    private SipFrag(StartLine startLine, List<SipFragHeader> headers, byte[] body) {
        this.startLine = startLine;
        this.headers = List.copyOf(headers);
        this.body = body;
    }

    /**
     * Parses {@code length} bytes starting at {@code offset}; the array is not kept.
     *
     * @throws SipFragParseException if the bytes are not a sipfrag with a valid start line
     */
    public static SipFrag parse(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        return SipFragReader.read(bytes, offset, length);
    }

    /** Parses sipfrag text, encoded as UTF-8 like all SIP text. */
    public static SipFrag parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return parse(bytes, 0, bytes.length);
    }

    /** A status-line-only sipfrag as sent in a REFER NOTIFY, e.g. {@code status(180, "Ringing")}. */
    public static SipFrag status(int code, String reason) {
        if (code < 100 || code > 699) {
            throw new IllegalArgumentException("status code must be 100..699: " + code);
        }
        String phrase = reason == null ? "" : reason;
        if (phrase.indexOf('\r') >= 0 || phrase.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("reason phrase must not contain line breaks");
        }
        return new SipFrag(new StartLine.Status("SIP/2.0", code, phrase), List.of(), new byte[0]);
    }

    static SipFrag of(StartLine startLine, List<SipFragHeader> headers, byte[] body) {
        return new SipFrag(startLine, headers, body);
    }

    /** True for a status line, false for a request line. */
    public boolean isStatus() {
        return startLine instanceof StartLine.Status;
    }

    /** The status code; only for a status line. */
    public int statusCode() {
        return status().code();
    }

    /** The reason phrase, possibly empty; only for a status line. */
    public String reasonPhrase() {
        return status().reason();
    }

    /**
     * The status as events report it, {@code "200 OK"}: code, space, reason; just the code when the
     * reason is empty. Only for a status line.
     */
    public String statusLine() {
        StartLine.Status status = status();
        return status.reason().isEmpty() ? Integer.toString(status.code()) : status.code() + " " + status.reason();
    }

    /** True for a final response (2xx-6xx), which ends the REFER subscription (RFC 3515). */
    public boolean isFinal() {
        return startLine instanceof StartLine.Status status && status.code() >= 200;
    }

    /** The request method; only for a request line. */
    public String method() {
        return request().method();
    }

    /** The request URI; only for a request line. */
    public String requestUri() {
        return request().uri();
    }

    /** The SIP version as written, e.g. {@code SIP/2.0}. */
    public String sipVersion() {
        return startLine instanceof StartLine.Status status ? status.version() : request().version();
    }

    /** All header fields in their original order. */
    public List<SipFragHeader> headers() {
        return headers;
    }

    /** The value of the first header with this name, ignoring case (RFC 3261 §7.3.1). */
    public Optional<String> header(String name) {
        List<String> values = headerValues(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The values of every header with this name, ignoring case, in order. */
    public List<String> headerValues(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        List<String> values = new ArrayList<>();
        for (SipFragHeader header : headers) {
            if (header.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                values.add(header.value());
            }
        }
        return List.copyOf(values);
    }

    /** The message body after the empty line; empty when there is none. */
    public byte[] body() {
        return body.clone();
    }

    /**
     * The sipfrag in canonical form: CRLF-terminated start line, one {@code Name: value} line per
     * header, then an empty line and the body if there is one.
     */
    public byte[] toBytes() {
        StringBuilder head = new StringBuilder(startLine.text()).append(CRLF);
        for (SipFragHeader header : headers) {
            head.append(header.name()).append(": ").append(header.value()).append(CRLF);
        }
        if (body.length > 0) {
            head.append(CRLF);
        }
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, out, headBytes.length, body.length);
        return out;
    }

    @Override
    public String toString() {
        return new String(toBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SipFrag that
                && startLine.equals(that.startLine)
                && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(startLine, headers, Arrays.hashCode(body));
    }

    private StartLine.Status status() {
        if (startLine instanceof StartLine.Status status) {
            return status;
        }
        throw new IllegalStateException("sipfrag has a request line, not a status line");
    }

    private StartLine.Request request() {
        if (startLine instanceof StartLine.Request request) {
            return request;
        }
        throw new IllegalStateException("sipfrag has a status line, not a request line");
    }
}
