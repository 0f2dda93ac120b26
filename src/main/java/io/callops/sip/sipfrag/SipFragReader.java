package io.callops.sip.sipfrag;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the byte layout of a sipfrag: start line, header lines (with RFC 3261 §7.3.1 folding)
 * up to an empty line, then the body.
 *
 * <p>Line ends may be CRLF, bare LF or bare CR, and the last line may lack one: REFER
 * implementations disagree on these details and a NOTIFY should not fail over them.
 */
final class SipFragReader {
    private final byte[] bytes;
    private final int end;
    private int position;

    private SipFragReader(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.position = offset;
        this.end = offset + length;
    }

    static SipFrag read(byte[] bytes, int offset, int length) {
        return new SipFragReader(bytes, offset, length).read();
    }

    private SipFrag read() {
        String first = nextLine();
        // RFC 3261 §7.5: empty lines before a start line are ignored.
        while (first != null && first.isBlank()) {
            first = nextLine();
        }
        if (first == null) {
            throw new SipFragParseException("sipfrag is empty");
        }
        StartLine startLine = StartLine.parse(first);
        List<SipFragHeader> headers = readHeaders();
        return SipFrag.of(startLine, headers, readBody());
    }

    private List<SipFragHeader> readHeaders() {
        List<SipFragHeader> headers = new ArrayList<>();
        String line;
        while ((line = nextLine()) != null && !line.isBlank()) {
            if (SipSyntax.isWhitespace(line.charAt(0))) {
                if (headers.isEmpty()) {
                    throw new SipFragParseException("continuation line without a header before it: '" + line.strip() + "'");
                }
                SipFragHeader last = headers.remove(headers.size() - 1);
                headers.add(new SipFragHeader(last.name(), (last.value() + " " + line.strip()).strip()));
                continue;
            }
            headers.add(parseHeader(line));
        }
        return headers;
    }

    private static SipFragHeader parseHeader(String line) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            throw new SipFragParseException("header line has no colon: '" + line.strip() + "'");
        }
        String name = line.substring(0, colon).strip();
        if (!SipSyntax.isToken(name)) {
            throw new SipFragParseException("header has an invalid name: '" + name + "'");
        }
        return new SipFragHeader(name, line.substring(colon + 1).strip());
    }

    /** Everything after the empty line; white space alone counts as no body. */
    private byte[] readBody() {
        byte[] body = Arrays.copyOfRange(bytes, position, end);
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return body;
            }
        }
        return new byte[0];
    }

    /** The next line without its ending, or null at the end of input. */
    private String nextLine() {
        if (position >= end) {
            return null;
        }
        int start = position;
        int lineEnd = start;
        while (lineEnd < end && bytes[lineEnd] != '\r' && bytes[lineEnd] != '\n') {
            lineEnd++;
        }
        position = lineEnd;
        if (position < end && bytes[position] == '\r') {
            position++;
        }
        if (position < end && bytes[position] == '\n') {
            position++;
        }
        return new String(bytes, start, lineEnd - start, StandardCharsets.UTF_8);
    }
}
