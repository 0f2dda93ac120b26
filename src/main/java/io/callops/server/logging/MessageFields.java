package io.callops.server.logging;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the call identifiers our log lines carry as {@code call_id=...} and
 * {@code dialog_id=...} out of the message, so JSON lines have them as fields. Done when a
 * line is written, so the SIP path pays nothing for it (no MDC per message).
 */
final class MessageFields {
    private static final String[] KEYS = {"call_id", "dialog_id"};

    private MessageFields() {
    }

    static Map<String, String> of(String message) {
        Map<String, String> out = null;
        if (message == null) return Map.of();
        for (String key : KEYS) {
            int at = find(message, key);
            if (at < 0) continue;
            int start = at + key.length() + 1;
            int end = start;
            while (end < message.length() && !Character.isWhitespace(message.charAt(end))
                    && message.charAt(end) != ',' && message.charAt(end) != ';' && message.charAt(end) != ':') {
                end++;
            }
            if (end == start) continue;
            if (out == null) out = new LinkedHashMap<>(2);
            out.put(key, message.substring(start, end));
        }
        return out == null ? Map.of() : out;
    }

    /** {@code key=} at the start or after a non-identifier character. */
    private static int find(String message, String key) {
        String pattern = key + "=";
        int from = 0;
        while (true) {
            int at = message.indexOf(pattern, from);
            if (at < 0) return -1;
            if (at == 0 || !(Character.isLetterOrDigit(message.charAt(at - 1)) || message.charAt(at - 1) == '_')) {
                return at;
            }
            from = at + 1;
        }
    }
}
