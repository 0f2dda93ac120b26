package io.callops.dialog;

import io.callops.api.MiError;
import java.util.ArrayList;
import java.util.List;

/** Reads header lines given through the MI ({@code "X-Reason: ops\r\nX-Other: 1\r\n"}). */
public final class ExtraHeaders {
    private ExtraHeaders() {
    }

    /** Name/value pairs; a line that is not {@code Name: value} is a parameter error naming {@code param}. */
    public static List<String[]> parse(String text, String param) {
        List<String[]> out = new ArrayList<>();
        for (String line : text.split("\r\n|\n")) {
            if (line.isBlank()) continue;
            int colon = line.indexOf(':');
            String name = colon > 0 ? line.substring(0, colon).trim() : "";
            if (name.isEmpty() || !name.chars().allMatch(ExtraHeaders::tokenChar)) {
                throw MiError.invalidParams("Parameter '" + param + "' has a line that is not a header: " + line);
            }
            out.add(new String[] {name, line.substring(colon + 1).trim()});
        }
        return out;
    }

    private static boolean tokenChar(int c) {
        return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }
}
