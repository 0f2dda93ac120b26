package io.callops.sip;

import java.util.ArrayList;
import java.util.List;

/** Splits list headers on the commas that separate values (RFC 3261 §7.3.1). */
public final class ListValues {
    private ListValues() {}

    /** Index of the first comma outside quotes and angle brackets, or -1. */
    public static int firstSeparator(CharSequence s) {
        return nextSeparator(s, 0);
    }

    private static int nextSeparator(CharSequence s, int from) {
        boolean quoted = false;
        boolean angle = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '<') {
                angle = true;
            } else if (c == '>') {
                angle = false;
            } else if (c == ',' && !angle) {
                return i;
            }
        }
        return -1;
    }

    /** The values of one header line, trimmed; blank elements are dropped. */
    public static List<String> split(CharSequence s) {
        List<String> out = new ArrayList<>(2);
        splitInto(s, out);
        return out;
    }

    public static void splitInto(CharSequence s, List<String> out) {
        int start = 0;
        while (start <= s.length()) {
            int comma = nextSeparator(s, start);
            int end = comma < 0 ? s.length() : comma;
            String v = s.subSequence(start, end).toString().trim();
            if (!v.isEmpty()) {
                out.add(v);
            }
            if (comma < 0) {
                break;
            }
            start = comma + 1;
        }
    }
}
