package io.callops.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A SIP request or response (RFC 3261 §7). Headers stay slices of the bytes the message was
 * parsed from until code reads or changes them, and an untouched header is written back byte
 * for byte. The fields a proxy reads for every message (top Via branch, tags, Call-ID, CSeq,
 * Max-Forwards, Content-Length) are scanned straight from the bytes and cached.
 *
 * <p>A message is mutable so that the proxy can adjust its copy before relaying (Via, Route,
 * Record-Route, Max-Forwards); {@link #copy()} is cheap (the bytes are shared) and each fork
 * branch works on its own copy. A message belongs to one thread at a time.
 */
public abstract sealed class SipMessage permits SipRequest, SipResponse {
    final byte[] buf;
    final int startLineStart;        // leading CRLFs before the start line are not part of it
    final int startLineEnd;          // exclusive, includes the line terminator; 0 when built
    final HeaderTable headers;
    private final int separatorStart; // the empty line after the headers (raw form kept)
    private final int separatorEnd;
    private byte[] bodyBuf;
    private int bodyOff;
    private int bodyLen;
    private boolean startLineEdited;

    // Caches of the hot fields; reset when the header they come from changes.
    private String callId;
    private long cseqNumber = -2;
    private String cseqMethod;

    SipMessage(byte[] buf, int startLineStart, int startLineEnd, HeaderTable headers, int separatorStart, int separatorEnd,
               byte[] bodyBuf, int bodyOff, int bodyLen) {
        this.buf = buf;
        this.startLineStart = startLineStart;
        this.startLineEnd = startLineEnd;
        this.headers = headers;
        this.separatorStart = separatorStart;
        this.separatorEnd = separatorEnd;
        this.bodyBuf = bodyBuf;
        this.bodyOff = bodyOff;
        this.bodyLen = bodyLen;
        this.startLineEdited = startLineEnd == 0;
    }

    SipMessage(SipMessage other) {
        this(other.buf, other.startLineStart, other.startLineEnd, other.headers.copy(), other.separatorStart, other.separatorEnd,
                other.bodyBuf, other.bodyOff, other.bodyLen);
        this.startLineEdited = other.startLineEdited;
        this.callId = other.callId;
        this.cseqNumber = other.cseqNumber;
        this.cseqMethod = other.cseqMethod;
    }

    /** An independent copy sharing the immutable original bytes. */
    public abstract SipMessage copy();

    public final boolean isRequest() {
        return this instanceof SipRequest;
    }

    public final boolean isResponse() {
        return this instanceof SipResponse;
    }

    /** The start line without its terminator, e.g. {@code INVITE sip:bob@example.com SIP/2.0}. */
    public abstract String startLine();

    // ---------------------------------------------------------------- headers, generic

    /** Number of header lines (a line with several comma-separated values counts once). */
    public int headerCount() {
        return headers.size();
    }

    public HeaderName headerName(int index) {
        return headers.name(index);
    }

    /** The header name as written on the wire for the line at {@code index}. */
    public String headerNameText(int index) {
        return headers.nameText(index);
    }

    public String headerValue(int index) {
        return headers.value(index);
    }

    /** The value of the first line of that header, or null. */
    public String header(HeaderName name) {
        int i = headers.indexOf(name, 0);
        return i < 0 ? null : headers.value(i);
    }

    /** The value of the first line of a header given by name (long or compact form), or null. */
    public String header(String name) {
        HeaderName hn = HeaderName.lookup(name);
        int i = hn == HeaderName.OTHER ? headers.indexOfOther(name, 0) : headers.indexOf(hn, 0);
        return i < 0 ? null : headers.value(i);
    }

    public boolean hasHeader(HeaderName name) {
        return headers.indexOf(name, 0) >= 0;
    }

    /** How many lines of that header the message has (a comma-separated line counts once). */
    public int headerLineCount(HeaderName name) {
        int n = 0;
        for (int i = headers.indexOf(name, 0); i >= 0; i = headers.indexOf(name, i + 1)) {
            n++;
        }
        return n;
    }

    /** Whether any line of that header contains the ASCII text, compared byte for byte. */
    public boolean headerContains(HeaderName name, String ascii) {
        for (int i = headers.indexOf(name, 0); i >= 0; i = headers.indexOf(name, i + 1)) {
            int vs = headers.rawValueStart(i);
            if (vs < 0 ? headers.value(i).contains(ascii) : ByteScan.indexOfAscii(buf, vs, headers.rawValueEnd(i), ascii) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Every line of that header, in order, each as one (possibly comma-separated) value. */
    public List<String> headerLines(HeaderName name) {
        List<String> out = new ArrayList<>(2);
        for (int i = headers.indexOf(name, 0); i >= 0; i = headers.indexOf(name, i + 1)) {
            out.add(headers.value(i));
        }
        return out;
    }

    /** Every line of a header that the proxy does not know by name. */
    public List<String> headerLines(String name) {
        HeaderName hn = HeaderName.lookup(name);
        if (hn != HeaderName.OTHER) {
            return headerLines(hn);
        }
        List<String> out = new ArrayList<>(2);
        for (int i = headers.indexOfOther(name, 0); i >= 0; i = headers.indexOfOther(name, i + 1)) {
            out.add(headers.value(i));
        }
        return out;
    }

    /**
     * Every value of a list header across all its lines, split on commas outside quotes and
     * angle brackets (RFC 3261 §7.3.1).
     */
    public List<String> headerValues(HeaderName name) {
        List<String> out = new ArrayList<>(2);
        for (int i = headers.indexOf(name, 0); i >= 0; i = headers.indexOf(name, i + 1)) {
            ListValues.splitInto(headers.value(i), out);
        }
        return out;
    }

    /** Adds a header line before all others. */
    public void addFirst(HeaderName name, String value) {
        insertHeader(0, name, value);
    }

    /** Adds a header line before the first line of the same header, or after the last line. */
    public void addTop(HeaderName name, String value) {
        int i = headers.indexOf(name, 0);
        insertHeader(i < 0 ? headers.size() : i, name, value);
    }

    /** Adds a header line after all others. */
    public void addLast(HeaderName name, String value) {
        insertHeader(headers.size(), name, value);
    }

    /** Adds a header line, by name, after all others. */
    public void addLast(String name, String value) {
        HeaderName hn = HeaderName.lookup(name);
        headers.insert(headers.size(), hn, hn == HeaderName.OTHER ? name : hn.canonical(), value);
        invalidate(hn);
    }

    private void insertHeader(int index, HeaderName name, String value) {
        if (name == HeaderName.OTHER) {
            throw new IllegalArgumentException("use addLast(String, String) for other headers");
        }
        headers.insert(index, name, name.canonical(), value);
        invalidate(name);
    }

    /** Replaces every line of that header with one line (or adds it at the end). */
    public void setHeader(HeaderName name, String value) {
        int i = headers.indexOf(name, 0);
        if (i < 0) {
            addLast(name, value);
            return;
        }
        headers.set(i, value);
        for (int j = headers.indexOf(name, i + 1); j >= 0; j = headers.indexOf(name, i + 1)) {
            headers.remove(j);
        }
        invalidate(name);
    }

    /** Removes every line of that header; returns how many were removed. */
    public int removeHeader(HeaderName name) {
        int n = 0;
        for (int i = headers.indexOf(name, 0); i >= 0; i = headers.indexOf(name, i)) {
            headers.remove(i);
            n++;
        }
        invalidate(name);
        return n;
    }

    /**
     * Removes the first value of a list header (the topmost Via or Route), keeping the other
     * values of the same line. Returns the removed value, or null when there is none.
     */
    public String removeFirstValue(HeaderName name) {
        return removeFirst(name, true);
    }

    /**
     * Removes the first value of a list header as {@link #removeFirstValue} does, without making
     * a string of it: what a proxy does to its own Via in every response it relays.
     */
    public void dropFirstValue(HeaderName name) {
        removeFirst(name, false);
    }

    private String removeFirst(HeaderName name, boolean wanted) {
        int i = headers.indexOf(name, 0);
        if (i < 0) {
            return null;
        }
        int vs = headers.rawValueStart(i);
        if (vs >= 0) {
            int firstEnd = removeFirstRawValue(i, vs, headers.rawValueEnd(i));
            if (firstEnd >= 0) {
                invalidate(name);
                return wanted ? new String(buf, vs, firstEnd - vs, StandardCharsets.UTF_8) : null;
            }
        }
        List<String> values = ListValues.split(headers.value(i));
        if (values.size() <= 1) {
            headers.remove(i);
        } else {
            headers.set(i, String.join(", ", values.subList(1, values.size())));
        }
        invalidate(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * Removes the first value of an untouched, unfolded line straight from its bytes: the whole
     * line when it holds one value (a relayed response's own Via, nearly always), else the
     * value and its comma, leaving the rest of the line as it came. Returns where the removed
     * value ends in the bytes (it starts at {@code vs}), or -1, changing nothing, for the forms
     * left to the general path: a folded line or a blank first value.
     */
    private int removeFirstRawValue(int i, int vs, int ve) {
        int sep = ByteScan.firstSeparator(buf, vs, ve);
        if (sep < 0) {
            return -1; // folded
        }
        int end = sep;
        while (end > vs && buf[end - 1] >= 0 && buf[end - 1] <= ' ') end--; // as String.trim()
        if (end == vs) {
            return -1;
        }
        int rest = sep;
        while (rest < ve && (buf[rest] == ',' || (buf[rest] >= 0 && buf[rest] <= ' '))) rest++;
        if (rest == ve) {
            headers.remove(i);
        } else {
            headers.set(i, new String(buf, rest, ve - rest, StandardCharsets.UTF_8));
        }
        return end;
    }

    /** Replaces the first value of a list header, keeping the other values of its line. */
    public void replaceFirstValue(HeaderName name, String value) {
        int i = headers.indexOf(name, 0);
        if (i < 0) {
            addTop(name, value);
            return;
        }
        String line = headers.value(i);
        int comma = ListValues.firstSeparator(line);
        headers.set(i, comma < 0 ? value : value + "," + line.substring(comma + 1));
        invalidate(name);
    }

    /** The first value of a list header (e.g. the topmost Via), or null. */
    public String firstValue(HeaderName name) {
        int i = headers.indexOf(name, 0);
        if (i < 0) {
            return null;
        }
        int vs = headers.rawValueStart(i);
        if (vs >= 0) {
            // Untouched, unfolded line: cut the value straight from the bytes (one String).
            int end = ByteScan.firstSeparator(buf, vs, headers.rawValueEnd(i));
            if (end >= 0) {
                while (end > vs && buf[end - 1] >= 0 && buf[end - 1] <= ' ') end--; // as String.trim()
                return new String(buf, vs, end - vs, StandardCharsets.UTF_8);
            }
        }
        String line = headers.value(i);
        int comma = ListValues.firstSeparator(line);
        return comma < 0 ? line.trim() : line.substring(0, comma).trim();
    }

    void invalidate(HeaderName name) {
        switch (name) {
            case CALL_ID: callId = null; break;
            case CSEQ: cseqNumber = -2; cseqMethod = null; break;
            default: break;
        }
    }

    // ---------------------------------------------------------------- hot fields

    /** The Call-ID, or null when the message has none. */
    public String callId() {
        if (callId == null) {
            String v = header(HeaderName.CALL_ID);
            callId = v == null ? null : v.trim();
        }
        return callId;
    }

    /** The CSeq number, or -1 when the header is missing or malformed. */
    public long cseqNumber() {
        parseCseq();
        return cseqNumber;
    }

    /** The CSeq method, or null when the header is missing or malformed. */
    public String cseqMethod() {
        parseCseq();
        return cseqMethod;
    }

    private void parseCseq() {
        if (cseqNumber != -2) {
            return;
        }
        cseqNumber = -1;
        int i = headers.indexOf(HeaderName.CSEQ, 0);
        if (i < 0) {
            return;
        }
        byte[] b = buf;
        int vs = headers.rawValueStart(i);
        int ve = headers.rawValueEnd(i);
        if (vs < 0) {
            b = headers.value(i).getBytes(StandardCharsets.UTF_8);
            vs = 0;
            ve = b.length;
        }
        int p = ByteScan.skipLws(b, vs, ve);
        long n = 0;
        int digits = 0;
        while (p < ve && ByteScan.isDigit(b[p])) {
            n = n * 10 + (b[p++] - '0');
            if (++digits > 10) {
                return;
            }
        }
        if (digits == 0 || n > 0x7fffffffL) {
            return;
        }
        int ws = p;
        p = ByteScan.skipLws(b, p, ve);
        if (p == ws || p >= ve) {
            return;
        }
        int ms = p;
        while (p < ve && ByteScan.isTokenChar(b[p])) {
            p++;
        }
        if (ByteScan.skipLws(b, p, ve) != ve || p == ms) {
            return;
        }
        cseqMethod = SipMethod.intern(b, ms, p - ms);
        cseqNumber = n;
    }

    /** The branch parameter of the topmost Via, or null. */
    public String topViaBranch() {
        return paramOfFirstValue(HeaderName.VIA, "branch", false);
    }

    /**
     * Whether the topmost via-parm is untouched and plain (see {@code PlainSyntax})
     * whose sent-by host is {@code host} (ignoring case) and which has no {@code rport} without
     * a value: the case where a proxy receiving it from {@code host} adds nothing to it
     * (RFC 3261 §18.2.1, RFC 3581 §4). False says only that the Via must be read in full.
     */
    public boolean topViaIsPlainFrom(String host) {
        int i = headers.indexOf(HeaderName.VIA, 0);
        int vs = i < 0 ? -1 : headers.rawValueStart(i);
        if (vs < 0) {
            return false;
        }
        int ve = PlainSyntax.plainFirstViaEnd(buf, vs, headers.rawValueEnd(i));
        if (ve < 0 || PlainSyntax.viaHasBareRport(buf, vs, ve)) {
            return false;
        }
        int hostStart = PlainSyntax.viaHostStart(buf, vs, ve);
        int hostEnd = PlainSyntax.viaHostEnd(buf, hostStart, ve);
        return ByteScan.equalsIgnoreCaseAscii(buf, hostStart, hostEnd, host);
    }

    /** The tag parameter of From, or null. */
    public String fromTag() {
        return paramOfFirstValue(HeaderName.FROM, "tag", true);
    }

    /** The tag parameter of To, or null. */
    public String toTag() {
        return paramOfFirstValue(HeaderName.TO, "tag", true);
    }

    /**
     * Reads a parameter of the first value of a header straight from the bytes. For name-addr
     * headers the search starts after the closing angle bracket so URI parameters are skipped.
     */
    private String paramOfFirstValue(HeaderName name, String param, boolean nameAddr) {
        int i = headers.indexOf(name, 0);
        if (i < 0) {
            return null;
        }
        if (headers.isEdited(i)) {
            String v = headers.value(i);
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            return ByteScan.findParam(b, 0, b.length, param, nameAddr);
        }
        return ByteScan.findParam(buf, headers.rawValueStart(i), headers.rawValueEnd(i), param, nameAddr);
    }

    /** Max-Forwards as a number, -1 when absent, -2 when malformed. */
    public int maxForwards() {
        int i = headers.indexOf(HeaderName.MAX_FORWARDS, 0);
        if (i < 0) {
            return -1;
        }
        long v = decimal(i, 255);
        return v < 0 ? -2 : (int) v;
    }

    /** Content-Length as a number, -1 when absent, -2 when malformed. */
    public long contentLength() {
        int i = headers.indexOf(HeaderName.CONTENT_LENGTH, 0);
        if (i < 0) {
            return -1;
        }
        long v = decimal(i, Integer.MAX_VALUE);
        return v < 0 ? -2 : v;
    }

    /** A numeric header value, read from the bytes while the line is untouched. */
    private long decimal(int i, long max) {
        int vs = headers.rawValueStart(i);
        return vs >= 0 ? ByteScan.parseDecimal(buf, vs, headers.rawValueEnd(i), max)
                : ByteScan.parseDecimal(headers.value(i), max);
    }

    /** The Content-Type value, or null. */
    public String contentType() {
        String v = header(HeaderName.CONTENT_TYPE);
        return v == null ? null : v.trim();
    }

    // ---------------------------------------------------------------- body

    public int bodyLength() {
        return bodyLen;
    }

    /** A copy of the body bytes. */
    public byte[] body() {
        byte[] b = new byte[bodyLen];
        System.arraycopy(bodyBuf, bodyOff, b, 0, bodyLen);
        return b;
    }

    public String bodyText() {
        return new String(bodyBuf, bodyOff, bodyLen, StandardCharsets.UTF_8);
    }

    /** Replaces the body and sets Content-Type (when given) and Content-Length to match. */
    public void setBody(byte[] body, String contentType) {
        this.bodyBuf = body;
        this.bodyOff = 0;
        this.bodyLen = body.length;
        if (contentType != null) {
            setHeader(HeaderName.CONTENT_TYPE, contentType);
        } else if (body.length == 0) {
            removeHeader(HeaderName.CONTENT_TYPE);
        }
        setHeader(HeaderName.CONTENT_LENGTH, Integer.toString(body.length));
    }

    // ---------------------------------------------------------------- writing

    /** The number of bytes {@link #toBytes()} would write, without writing them. */
    public int encodedLength() {
        int startLen = startLineEdited ? HeaderTable.utf8Length(startLine()) + 2 : startLineEnd - startLineStart;
        int sepLen = separatorEnd > separatorStart ? separatorEnd - separatorStart : 2;
        return startLen + headers.encodedLength() + sepLen + bodyLen;
    }

    /** Writes the message: untouched parts as they came, changed parts in canonical form. */
    public byte[] toBytes() {
        if (isWholeBuffer()) {
            return buf; // the message as read or built, nothing changed: no copy (the bytes are never written to)
        }
        byte[] startLine = startLineEdited ? (startLine() + "\r\n").getBytes(StandardCharsets.UTF_8) : null;
        int startLen = startLine != null ? startLine.length : startLineEnd - startLineStart;
        int sepLen = separatorEnd > separatorStart ? separatorEnd - separatorStart : 2;
        int total = startLen + headers.encodedLength() + sepLen + bodyLen;
        byte[] out = new byte[total];
        int pos;
        if (startLine != null) {
            System.arraycopy(startLine, 0, out, 0, startLine.length);
            pos = startLine.length;
        } else {
            System.arraycopy(buf, startLineStart, out, 0, startLen);
            pos = startLen;
        }
        pos = headers.writeTo(out, pos);
        if (separatorEnd > separatorStart) {
            System.arraycopy(buf, separatorStart, out, pos, sepLen);
        } else {
            out[pos] = '\r';
            out[pos + 1] = '\n';
        }
        pos += sepLen;
        System.arraycopy(bodyBuf, bodyOff, out, pos, bodyLen);
        return out;
    }

    /** True when the message is its whole buffer, unchanged: start line, headers, separator and body back to back. */
    private boolean isWholeBuffer() {
        return !startLineEdited && startLineStart == 0 && separatorEnd > separatorStart && bodyBuf == buf
                && bodyOff == separatorEnd && bodyOff + bodyLen == buf.length
                && headers.isSliceOf(startLineEnd, separatorStart);
    }

    @Override
    public String toString() {
        return new String(toBytes(), StandardCharsets.UTF_8);
    }

    void markStartLineEdited() {
        startLineEdited = true;
    }
}
