package io.callops.sip.sdp;

import java.util.List;

/** Adds a line to a run of SDP lines without disturbing the endings already there. */
final class LineInsertion {
    private LineInsertion() {}

    /**
     * Inserts {@code text} after the last non-blank line. The new line copies the ending of the
     * line before it, so a body that came with bare LF stays bare LF. When that line was the last
     * of the body and had no ending, it gets {@code defaultEnding} and the new line takes over the
     * missing ending, so the body still ends the way it came in.
     */
    static void insertBeforeTrailingBlanks(List<SdpLine> lines, String text, String defaultEnding) {
        int position = lines.size();
        while (position > 1 && lines.get(position - 1).isBlank()) {
            position--;
        }
        SdpLine previous = lines.get(position - 1);
        if (previous.ending().isEmpty()) {
            lines.set(position - 1, previous.withEnding(defaultEnding));
            lines.add(position, new SdpLine(text, ""));
        } else {
            lines.add(position, new SdpLine(text, previous.ending()));
        }
    }
}
