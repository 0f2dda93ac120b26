package io.callops.sip;

import java.nio.charset.StandardCharsets;

/**
 * Reads one SIP message from bytes (RFC 3261 §7). It checks the framing (start line, header
 * lines, body length) and records where each header is; header values are parsed later, on
 * first use. It never throws and never reads past {@code off + len}.
 */
public final class SipParser {
    private final ParserLimits limits;

    public SipParser(ParserLimits limits) {
        this.limits = limits;
    }

    public SipParser() {
        this(ParserLimits.DEFAULT);
    }

    /** Parses a whole datagram; the message keeps a reference to {@code buf}. */
    public ParseResult parse(byte[] buf) {
        return parse(buf, 0, buf.length);
    }

    /**
     * Parses the message in {@code buf[off, off+len)}. Bytes after the body (as Content-Length
     * gives it) are ignored, as RFC 3261 §18.3 says for datagrams; a message without
     * Content-Length takes the rest as its body.
     */
    public ParseResult parse(byte[] buf, int off, int len) {
        try {
            return doParse(buf, off, off + len);
        } catch (RuntimeException e) {
            // A bug must not take the transport down; the input is reported as unreadable.
            return new ParseResult.Failure("internal parser error: " + e, null);
        }
    }

    private ParseResult doParse(byte[] b, int off, int end) {
        int p = off;
        while (p < end && (b[p] == '\r' || b[p] == '\n')) {
            p++; // RFC 3261 §7.5: CRLFs before the start line are ignored
        }
        if (p == end) {
            return new ParseResult.Failure("empty message", null);
        }
        final int startLineStart = p;
        int lf = indexOf(b, p, Math.min(end, p + limits.maxStartLine() + 2), (byte) '\n');
        if (lf < 0) {
            return new ParseResult.Failure(end - p > limits.maxStartLine()
                    ? "start line longer than " + limits.maxStartLine() + " bytes" : "start line not terminated", null);
        }
        int lineEnd = lf > p && b[lf - 1] == '\r' ? lf - 1 : lf;
        int startLineEnd = lf + 1;

        StartLine sl = readStartLine(b, p, lineEnd);

        // Header lines.
        HeaderTable headers = new HeaderTable(b, off, end, 16);
        p = startLineEnd;
        int headerLimit = Math.min(end, startLineEnd + limits.maxHeaderBlock());
        String error = sl.error;
        int sepStart = -1;
        int sepEnd = -1;
        while (true) {
            if (p >= end) {
                if (error == null) error = "header block not terminated by an empty line";
                break;
            }
            if (p >= headerLimit) {
                error = "header block longer than " + limits.maxHeaderBlock() + " bytes";
                break;
            }
            if (b[p] == '\n' || (b[p] == '\r' && p + 1 < end && b[p + 1] == '\n')) {
                sepStart = p;
                sepEnd = b[p] == '\n' ? p + 1 : p + 2;
                break;
            }
            if (b[p] == ' ' || b[p] == '\t') {
                if (error == null) error = "continuation line without a header before it";
                break;
            }
            // The logical line runs to an LF not followed by SP/HT (folding, RFC 3261 §7.3.1).
            int ls = p;
            int le;
            int next;
            int q = p;
            while (true) {
                int nl = indexOf(b, q, headerLimit, (byte) '\n');
                if (nl < 0) {
                    le = -1;
                    next = -1;
                    break;
                }
                if (nl + 1 < end && (b[nl + 1] == ' ' || b[nl + 1] == '\t')) {
                    q = nl + 1;
                    continue;
                }
                le = nl > ls && b[nl - 1] == '\r' ? nl - 1 : nl;
                next = nl + 1;
                break;
            }
            if (le < 0) {
                error = headerLimit < end ? "header block longer than " + limits.maxHeaderBlock() + " bytes"
                        : "header line not terminated";
                break;
            }
            int ne = ls;
            while (ne < le && ByteScan.isTokenChar(b[ne])) ne++;
            int colon = ne;
            while (colon < le && (b[colon] == ' ' || b[colon] == '\t')) colon++;
            if (ne == ls || colon >= le || b[colon] != ':') {
                if (error == null) {
                    error = "malformed header line: " + excerpt(b, ls, le);
                }
                p = next;
                continue;
            }
            if (headers.size() >= limits.maxHeaders()) {
                error = "more than " + limits.maxHeaders() + " header lines";
                break;
            }
            int vs = ByteScan.skipLws(b, colon + 1, le);
            int ve = le;
            while (ve > vs && ByteScan.isWhite(b[ve - 1])) ve--;
            headers.addRaw(HeaderName.lookup(b, ls, ne - ls), ls, next, vs, ve);
            p = next;
        }

        // Body.
        int bodyStart = sepEnd < 0 ? end : sepEnd;
        int bodyLen = end - bodyStart;
        if (error == null) {
            int cl = headers.indexOf(HeaderName.CONTENT_LENGTH, 0);
            if (cl >= 0) {
                long declared = ByteScan.parseDecimal(b, headers.rawValueStart(cl), headers.rawValueEnd(cl),
                        Integer.MAX_VALUE);
                if (declared < 0) {
                    error = "malformed Content-Length: " + headers.value(cl);
                } else if (declared > limits.maxBody()) {
                    error = "body of " + declared + " bytes exceeds the limit of " + limits.maxBody();
                } else if (declared > bodyLen) {
                    error = "Content-Length " + declared + " larger than the " + bodyLen + " bytes received";
                } else {
                    bodyLen = (int) declared;
                }
            } else if (bodyLen > limits.maxBody()) {
                error = "body of " + bodyLen + " bytes exceeds the limit of " + limits.maxBody();
            }
        }
        if (error != null) {
            bodyLen = 0;
        }

        SipMessage msg;
        if (sl.response) {
            msg = new SipResponse(b, startLineStart, startLineEnd, sl.version, sl.status, sl.reason,
                    headers, sepStart, sepEnd, b, bodyStart, bodyLen);
        } else {
            msg = new SipRequest(b, startLineStart, startLineEnd, sl.method, sl.uri, sl.uriStart, sl.uriEnd, sl.version,
                    headers, sepStart, sepEnd, b, bodyStart, bodyLen);
        }
        if (error != null) {
            return new ParseResult.Failure(error, sl.usable ? msg : null);
        }
        return new ParseResult.Success(msg);
    }

    private static final class StartLine {
        boolean response;
        boolean usable = true;
        String method;
        String uri = "";  // null when the URI is the slice [uriStart, uriEnd) of the bytes
        int uriStart;
        int uriEnd;
        String version;
        int status;
        String reason;
        String error;
    }

    private static StartLine readStartLine(byte[] b, int s, int e) {
        StartLine sl = new StartLine();
        if (e - s >= 4 && b[s] == 'S' && b[s + 1] == 'I' && b[s + 2] == 'P' && b[s + 3] == '/') {
            sl.response = true;
            int sp = indexOf(b, s, e, (byte) ' ');
            sl.version = version(b, s, (sp < 0 ? e : sp) - s);
            sl.reason = "";
            if (sp < 0 || sp + 4 > e || !ByteScan.isDigit(b[sp + 1]) || !ByteScan.isDigit(b[sp + 2])
                    || !ByteScan.isDigit(b[sp + 3]) || (sp + 4 < e && b[sp + 4] != ' ')) {
                sl.error = "malformed status line: " + excerpt(b, s, e);
                sl.usable = false;
                return sl;
            }
            sl.status = (b[sp + 1] - '0') * 100 + (b[sp + 2] - '0') * 10 + (b[sp + 3] - '0');
            if (sl.status < 100) {
                sl.error = "status code " + sl.status + " is below 100";
                sl.usable = false;
            }
            sl.reason = sp + 5 <= e ? reason(b, sp + 5, e - sp - 5, sl.status) : "";
            return sl;
        }
        int sp1 = indexOf(b, s, e, (byte) ' ');
        int ms = s;
        int me = sp1 < 0 ? e : sp1;
        for (int i = ms; i < me; i++) {
            if (!ByteScan.isTokenChar(b[i])) {
                sl.error = "malformed request line: " + excerpt(b, s, e);
                sl.usable = false;
                sl.method = "";
                sl.uri = "";
                sl.version = "";
                return sl;
            }
        }
        sl.method = SipMethod.intern(b, ms, me - ms);
        int sp2 = e;
        while (sp2 > s && b[sp2 - 1] != ' ') sp2--;
        sp2--;
        if (sp1 < 0 || me == ms || sp2 <= sp1) {
            sl.error = "malformed request line: " + excerpt(b, s, e);
            sl.uri = "";
            sl.version = "";
            sl.usable = me > ms;
            return sl;
        }
        // The Request-URI stays a slice until someone reads it (SipRequest.requestUri()).
        sl.uri = null;
        sl.uriStart = sp1 + 1;
        sl.uriEnd = sp2;
        sl.version = version(b, sp2 + 1, e - sp2 - 1);
        if (sp2 == sp1 + 1 || indexOf(b, sp1 + 1, sp2, (byte) ' ') >= 0 || indexOf(b, sp1 + 1, sp2, (byte) '\t') >= 0) {
            // RFC 3261 §7.1: single SP separators and no white space inside the Request-URI.
            sl.error = "Request-URI contains white space or the request line has extra spaces";
        } else if (sl.version.isEmpty()) {
            sl.error = "request line has no SIP-Version";
        }
        return sl;
    }

    private static final String SIP_2_0 = "SIP/2.0";

    /** Nearly every message says SIP/2.0: share one String instead of making one per message. */
    private static String version(byte[] b, int off, int len) {
        return ByteScan.equalsAscii(b, off, len, SIP_2_0) ? SIP_2_0 : new String(b, off, len, StandardCharsets.US_ASCII);
    }

    /** Likewise the default reason phrase of the status code ("OK", "Ringing", ...). */
    private static String reason(byte[] b, int off, int len, int status) {
        String usual = ReasonPhrases.of(status);
        return ByteScan.equalsAscii(b, off, len, usual) ? usual : new String(b, off, len, StandardCharsets.UTF_8);
    }

    static int indexOf(byte[] b, int from, int to, byte v) {
        for (int i = from; i < to; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private static String excerpt(byte[] b, int s, int e) {
        int n = Math.min(e - s, 80);
        StringBuilder sb = new StringBuilder(n);
        for (int i = s; i < s + n; i++) {
            char c = (char) (b[i] & 0xff);
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return sb.toString();
    }
}
