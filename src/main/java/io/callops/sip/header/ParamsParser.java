package io.callops.sip.header;

import io.callops.sip.uri.HostSyntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code *( SEMI generic-param )} with generic-param = token [ EQUAL gen-value ] and
 * gen-value = token / host / quoted-string (RFC 3261 §25.1). Unquoted values may also hold
 * ':' so that bare IPv6 addresses in {@code received=} survive. Stops at the first
 * character that cannot continue the list; the caller decides whether that is an error.
 */
final class ParamsParser {

    private ParamsParser() {
    }

    static Params parse(HeaderCursor c) {
        List<Params.Param> list = new ArrayList<>();
        while (c.consume(';')) {
            String name = c.token("parameter name");
            if (!c.consume('=')) {
                list.add(new Params.Param(name, null, false));
                continue;
            }
            c.skipLws();
            if (c.peek() == '"' && !c.atEnd()) {
                list.add(new Params.Param(name, c.quotedString("value of parameter '" + name + "'"), true));
            } else if (c.peek() == '[' && !c.atEnd()) {
                list.add(new Params.Param(name, ipv6Reference(c, name), false));
            } else {
                list.add(new Params.Param(name, plainValue(c, name), false));
            }
        }
        return Params.of(list);
    }

    private static String ipv6Reference(HeaderCursor c, String name) {
        String text = c.text();
        int close = text.indexOf(']', c.position());
        if (close < 0) {
            throw c.error("unterminated IPv6 reference in parameter '" + name + "'");
        }
        String value = text.substring(c.position(), close + 1);
        if (!HostSyntax.isIPv6Reference(value)) {
            throw c.error("invalid IPv6 reference '" + value + "' in parameter '" + name + "'");
        }
        c.moveTo(close + 1);
        return value;
    }

    private static String plainValue(HeaderCursor c, String name) {
        String text = c.text();
        int start = c.position();
        int end = start;
        while (end < text.length() && (HeaderCursor.isTokenChar(text.charAt(end)) || text.charAt(end) == ':')) {
            end++;
        }
        if (end == start) {
            throw c.error("missing value for parameter '" + name + "'");
        }
        c.moveTo(end);
        return text.substring(start, end);
    }
}
