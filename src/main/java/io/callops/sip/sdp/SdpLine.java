package io.callops.sip.sdp;

import java.nio.charset.StandardCharsets;

/**
 * One line of an SDP body exactly as received: its text and the line ending that followed it.
 *
 * <p>The text is held in "byte string" form (each char is one byte, ISO-8859-1) so that any input,
 * including a session name in a non-UTF-8 charset (RFC 8866 §6.10 {@code a=charset}), is written
 * back byte for byte. Use {@link #decode(String)} to turn a field into readable text.
 *
 * @param text   the line without its ending, one char per byte
 * @param ending {@code "\r\n"}, {@code "\n"}, or {@code ""} for a last line that had no ending
 */
record SdpLine(String text, String ending) {

    static final String CRLF = "\r\n";

    /** The line type letter (RFC 8866 §5: {@code <type>=<value>}), or 0 for a line of another shape. */
    char type() {
        return text.length() >= 2 && text.charAt(1) == '=' ? text.charAt(0) : 0;
    }

    /** Everything after {@code <type>=}; only meaningful when {@link #type()} is not 0. */
    String value() {
        return text.substring(2);
    }

    /** True for an empty line, such as a stray blank line at the end of a body. */
    boolean isBlank() {
        return text.isBlank();
    }

    SdpLine withText(String newText) {
        return new SdpLine(newText, ending);
    }

    SdpLine withEnding(String newEnding) {
        return new SdpLine(text, newEnding);
    }

    /** Readable text of a byte-string field: SDP text is UTF-8 by default (RFC 8866 §5). */
    static String decode(String byteString) {
        return new String(byteString.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
