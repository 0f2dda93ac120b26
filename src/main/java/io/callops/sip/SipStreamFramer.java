package io.callops.sip;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Cuts a TCP byte stream into SIP messages using Content-Length (RFC 3261 §18.3) and answers
 * the CRLF keep-alives of RFC 5626. Whatever the split points of the stream, the same
 * messages come out. One framer per connection; not thread-safe.
 *
 * <p>A message without Content-Length is framed with an empty body so that it can still be
 * answered; the validator rejects it for stream transports.
 */
public final class SipStreamFramer {
    private static final StreamFrame.KeepAlivePing PING = new StreamFrame.KeepAlivePing();

    private final ParserLimits limits;
    private byte[] buf = new byte[4096];
    private int start; // first unconsumed byte
    private int end;   // one past the last buffered byte
    private int scanFrom; // where the search for the end of the headers resumes
    private int headerEnd = -1; // index just past the empty line, once found
    private long bodyLength = -1;
    private boolean failed;

    public SipStreamFramer(ParserLimits limits) {
        this.limits = limits;
    }

    public SipStreamFramer() {
        this(ParserLimits.DEFAULT);
    }

    /** Bytes buffered but not yet part of a complete message. */
    public int buffered() {
        return end - start;
    }

    /** Feeds bytes; every complete frame is passed to {@code out} in order. */
    public void feed(byte[] data, int off, int len, Consumer<StreamFrame> out) {
        if (failed) {
            return;
        }
        append(data, off, len);
        while (!failed && extract(out)) {
            // keep cutting while whole frames are available
        }
        if (start == end) {
            start = end = scanFrom = 0;
        }
    }

    private boolean extract(Consumer<StreamFrame> out) {
        if (headerEnd < 0) {
            // Between messages: CRLF keep-alives.
            while (end - start >= 2 && buf[start] == '\r' && buf[start + 1] == '\n') {
                if (end - start >= 4 && buf[start + 2] == '\r' && buf[start + 3] == '\n') {
                    start += 4;
                    out.accept(PING);
                } else if (end - start >= 4 || (end - start == 3 && buf[start + 2] != '\r')) {
                    // A single CRLF is a pong, or noise before a start line. "\r\n\r" plus a
                    // byte other than LF is no ping either: waiting on it would buffer forever.
                    start += 2;
                } else {
                    return false; // "\r\n" or "\r\n\r": wait to see which
                }
                scanFrom = start;
            }
            if (end - start == 1 && buf[start] == '\n') {
                start++;
            }
            if (start == end) {
                return false;
            }
            int found = findHeaderEnd();
            if (found < 0) {
                int max = limits.maxStartLine() + limits.maxHeaderBlock();
                if (end - start > max) {
                    fail(out, "header block longer than " + max + " bytes");
                }
                return false;
            }
            headerEnd = found;
            bodyLength = contentLength(start, headerEnd);
            if (bodyLength == -2) {
                fail(out, "malformed Content-Length on a stream");
                return false;
            }
            if (bodyLength < 0) {
                bodyLength = 0;
            }
            if (bodyLength > limits.maxBody()) {
                fail(out, "body of " + bodyLength + " bytes exceeds the limit of " + limits.maxBody());
                return false;
            }
        }
        long total = headerEnd - start + bodyLength;
        if (end - start < total) {
            return false;
        }
        byte[] msg = Arrays.copyOfRange(buf, start, start + (int) total);
        start += (int) total;
        scanFrom = start;
        headerEnd = -1;
        bodyLength = -1;
        out.accept(new StreamFrame.Message(msg));
        return true;
    }

    /** Index just past the blank line ending the headers, or -1 if not buffered yet. */
    private int findHeaderEnd() {
        int from = Math.max(scanFrom, start);
        for (int i = from; i < end; i++) {
            if (buf[i] == '\n') {
                if (i + 1 < end && buf[i + 1] == '\n') {
                    return i + 2;
                }
                if (i + 2 < end && buf[i + 1] == '\r' && buf[i + 2] == '\n') {
                    return i + 3;
                }
                if (i + 2 >= end) {
                    scanFrom = i; // the blank line may still be on its way
                    return -1;
                }
            }
        }
        scanFrom = Math.max(start, end - 1);
        return -1;
    }

    /** Content-Length of the header block: -1 absent, -2 malformed. */
    private long contentLength(int from, int to) {
        int i = from;
        // skip the start line
        while (i < to && buf[i] != '\n') i++;
        i++;
        while (i < to) {
            int ls = i;
            while (i < to && buf[i] != '\n') i++;
            int le = i;
            i++;
            int ne = ls;
            while (ne < le && ByteScan.isTokenChar(buf[ne])) ne++;
            if (ne == ls) continue;
            HeaderName name = HeaderName.lookup(buf, ls, ne - ls);
            if (name != HeaderName.CONTENT_LENGTH) continue;
            int c = ne;
            while (c < le && (buf[c] == ' ' || buf[c] == '\t')) c++;
            if (c >= le || buf[c] != ':') return -2;
            long v = 0;
            int digits = 0;
            for (int k = c + 1; k < le; k++) {
                byte ch = buf[k];
                if (ch == ' ' || ch == '\t' || ch == '\r') {
                    if (digits > 0) {
                        for (int r = k; r < le; r++) {
                            if (!ByteScan.isWhite(buf[r])) return -2;
                        }
                        break;
                    }
                    continue;
                }
                if (!ByteScan.isDigit(ch) || ++digits > 10) return -2;
                v = v * 10 + (ch - '0');
            }
            return digits == 0 ? -2 : v;
        }
        return -1;
    }

    private void fail(Consumer<StreamFrame> out, String reason) {
        failed = true;
        start = end = 0;
        buf = new byte[0];
        out.accept(new StreamFrame.Error(reason));
    }

    private void append(byte[] data, int off, int len) {
        if (end + len > buf.length) {
            // Compact first, grow only if the live bytes really need it.
            int live = end - start;
            if (live + len <= buf.length && start > 0) {
                System.arraycopy(buf, start, buf, 0, live);
            } else {
                byte[] nb = new byte[Math.max(buf.length * 2, live + len)];
                System.arraycopy(buf, start, nb, 0, live);
                buf = nb;
            }
            if (headerEnd >= 0) headerEnd -= start;
            scanFrom = Math.max(0, scanFrom - start);
            end = live;
            start = 0;
        }
        System.arraycopy(data, off, buf, end, len);
        end += len;
    }
}
