package io.callops.sip.sdp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts raw bytes into {@link SdpLine}s, remembering each line's ending.
 *
 * <p>RFC 8866 §5 requires CRLF but asks parsers to accept a bare LF as well, so both are
 * recognised and recorded; a CR that is not followed by LF stays part of the line text.
 */
final class SdpLineSplitter {
    private SdpLineSplitter() {}

    static List<SdpLine> split(byte[] bytes, int offset, int length) {
        // ISO-8859-1 maps every byte to exactly one char, so nothing is lost or replaced.
        String all = new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        List<SdpLine> lines = new ArrayList<>();
        int start = 0;
        while (start < all.length()) {
            int lf = all.indexOf('\n', start);
            if (lf < 0) {
                lines.add(new SdpLine(all.substring(start), ""));
                break;
            }
            boolean crlf = lf > start && all.charAt(lf - 1) == '\r';
            int textEnd = crlf ? lf - 1 : lf;
            lines.add(new SdpLine(all.substring(start, textEnd), crlf ? "\r\n" : "\n"));
            start = lf + 1;
        }
        return lines;
    }
}
