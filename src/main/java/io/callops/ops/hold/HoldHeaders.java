package io.callops.ops.hold;

import io.callops.api.MiError;
import io.callops.api.MiParams;
import io.callops.dialog.ExtraHeaders;
import io.callops.dialog.LegRole;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code headers} parameter: header lines added to the re-INVITE of each leg, given as
 * one string for both legs or as {@code [caller_headers, callee_headers]}. A literal
 * {@code \r} or {@code \n} (backslash and letter, as shells and JSON tools often pass them)
 * counts as the line break it stands for.
 */
record HoldHeaders(List<String[]> caller, List<String[]> callee) {
    static final String PARAM = "headers";
    static final HoldHeaders NONE = new HoldHeaders(List.of(), List.of());
    /** Headers the proxy writes itself; a second copy would make the re-INVITE malformed or ambiguous. */
    private static final Set<String> OURS = Set.of("via", "v", "from", "f", "to", "t", "call-id", "i", "cseq",
            "contact", "m", "content-type", "c", "content-length", "l", "max-forwards", "route");

    List<String[]> forLeg(LegRole leg) {
        return leg == LegRole.CALLER ? caller : callee;
    }

    static HoldHeaders from(MiParams p) {
        if (!p.has(PARAM)) return NONE;
        Object v = p.value(PARAM);
        if (v instanceof String s) {
            List<String[]> both = lines(s);
            return new HoldHeaders(both, both);
        }
        if (v instanceof List<?> list && list.size() == 2 && textOrNull(list.get(0)) && textOrNull(list.get(1))) {
            return new HoldHeaders(lines((String) list.get(0)), lines((String) list.get(1)));
        }
        throw MiError.invalidParams("Parameter '" + PARAM
                + "' must be a string or an array of two strings [caller_headers, callee_headers]");
    }

    private static boolean textOrNull(Object o) {
        return o == null || o instanceof String;
    }

    private static List<String[]> lines(String text) {
        if (text == null) return List.of();
        List<String[]> parsed = ExtraHeaders.parse(text.replace("\\r", "\r").replace("\\n", "\n"), PARAM);
        for (String[] h : parsed) {
            if (OURS.contains(h[0].toLowerCase(Locale.ROOT))) {
                throw MiError.invalidParams("Parameter '" + PARAM + "' sets " + h[0] + ", which the proxy writes itself");
            }
        }
        return List.copyOf(parsed);
    }
}
