package io.callops.sip.sdp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an {@code o=} line and rewrites its session version without touching anything else on it.
 *
 * <p>Fields are located by position rather than re-joined, so unusual spacing written by the
 * other side survives a version change.
 */
final class OriginLine {
    private static final int FIELD_COUNT = 6;
    private static final int VERSION_FIELD = 2;
    /** Far beyond any real version; keeps number conversion cheap on hostile input. */
    private static final int MAX_VERSION_DIGITS = 100;

    private OriginLine() {}

    static Origin parse(SdpLine line) {
        String text = line.text();
        List<int[]> fields = fieldSpans(text);
        if (fields.size() != FIELD_COUNT) {
            throw new SdpParseException("o= line must have 6 fields but has " + fields.size());
        }
        String[] values = new String[FIELD_COUNT];
        for (int i = 0; i < FIELD_COUNT; i++) {
            values[i] = text.substring(fields.get(i)[0], fields.get(i)[1]);
        }
        return new Origin(
                SdpLine.decode(values[0]),
                SdpLine.decode(values[1]),
                parseVersion(values[VERSION_FIELD]),
                SdpLine.decode(values[3]),
                SdpLine.decode(values[4]),
                SdpLine.decode(values[5]));
    }

    static SdpLine withVersion(SdpLine line, BigInteger version) {
        String text = line.text();
        int[] span = fieldSpans(text).get(VERSION_FIELD);
        return line.withText(text.substring(0, span[0]) + version + text.substring(span[1]));
    }

    private static BigInteger parseVersion(String field) {
        if (field.length() > MAX_VERSION_DIGITS) {
            throw new SdpParseException("o= session version is longer than " + MAX_VERSION_DIGITS + " digits");
        }
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c < '0' || c > '9') {
                throw new SdpParseException("o= session version is not numeric: '" + field + "'");
            }
        }
        return new BigInteger(field);
    }

    /** Start/end offsets of the space-separated fields after {@code o=}. */
    private static List<int[]> fieldSpans(String text) {
        List<int[]> spans = new ArrayList<>();
        int i = 2;
        while (i < text.length()) {
            if (text.charAt(i) == ' ') {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && text.charAt(i) != ' ') {
                i++;
            }
            spans.add(new int[] {start, i});
        }
        return spans;
    }
}
