package io.callops.sip.uri;

import io.callops.sip.SipParseException;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SIP/SIPS URI into its parts per RFC 3261 §25.1 and validates each part against
 * its own character set. Works by index arithmetic on delimiters, so it always terminates.
 */
final class SipUriParser {

    private SipUriParser() {
    }

    static SipUri parse(String text) {
        // Every part is cut straight out of `text` by index: a URI is parsed for nearly every
        // header the proxy reads, so no intermediate copies of what remains to be read.
        int colon = text.indexOf(':');
        boolean secure;
        if (colon == 3 && text.regionMatches(true, 0, "sip", 0, 3)) {
            secure = false;
        } else if (colon == 4 && text.regionMatches(true, 0, "sips", 0, 4)) {
            secure = true;
        } else {
            throw new SipParseException("SIP URI: scheme must be sip or sips in '" + Uri.abbreviate(text) + "'");
        }
        int start = colon + 1;
        int length = text.length();

        // No part after userinfo may hold an unescaped '@' (paramchar, hvalue and host exclude it),
        // so the last '@' ends userinfo even when the user itself holds ';' or '?' (RFC 4475 §3.1.1.6).
        // The scheme is "sip" or "sips", so any '@' lies after it.
        String user = null;
        String password = null;
        int at = text.lastIndexOf('@');
        if (at >= 0) {
            int pw = text.indexOf(':', start);
            if (pw > at) {
                pw = -1;
            }
            user = text.substring(start, pw < 0 ? at : pw);
            password = pw < 0 ? null : text.substring(pw + 1, at);
            if (user.isEmpty()) {
                throw new SipParseException("SIP URI: empty user before '@'");
            }
            check(user, UriEscaping.Component.USER, "user");
            if (password != null) {
                check(password, UriEscaping.Component.PASSWORD, "password");
            }
            start = at + 1;
        }

        int hostEnd;
        String host;
        if (start < length && text.charAt(start) == '[') {
            int close = text.indexOf(']', start);
            if (close < 0) {
                throw new SipParseException("SIP URI: unterminated IPv6 reference");
            }
            host = text.substring(start, close + 1);
            if (!HostSyntax.isIPv6Reference(host)) {
                throw new SipParseException("SIP URI: invalid IPv6 reference '" + Uri.abbreviate(host) + "'");
            }
            hostEnd = close + 1;
        } else {
            hostEnd = indexOfAny(text, ":;?", start);
            host = text.substring(start, hostEnd);
            if (host.isEmpty()) {
                throw new SipParseException("SIP URI: missing host");
            }
            if (!HostSyntax.isIPv4(host) && !HostSyntax.isHostname(host)) {
                throw new SipParseException("SIP URI: invalid host '" + Uri.abbreviate(host) + "'");
            }
        }

        int pos = hostEnd;
        int port = -1;
        if (pos < length && text.charAt(pos) == ':') {
            int portEnd = indexOfAny(text, ";?", pos + 1);
            port = parsePort(text, pos + 1, portEnd);
            pos = portEnd;
        }
        if (pos < length && text.charAt(pos) != ';' && text.charAt(pos) != '?') {
            throw new SipParseException("SIP URI: unexpected '" + text.charAt(pos) + "' after host");
        }

        List<UriParam> params = List.of();
        while (pos < length && text.charAt(pos) == ';') {
            int end = indexOfAny(text, ";?", pos + 1);
            if (params.isEmpty()) {
                params = new ArrayList<>(4);
            }
            params.add(parseParam(text, pos + 1, end));
            pos = end;
        }

        List<UriParam> headers = List.of();
        if (pos < length) { // must be '?': the loops above stop only there
            headers = new ArrayList<>();
            for (String item : text.substring(pos + 1).split("&", -1)) {
                headers.add(parseHeader(item));
            }
        }
        return new SipUri(secure, user, password, host, port, params, headers, text);
    }

    /** One uri-parameter, {@code text[start, end)}: pname [ "=" pvalue ]. */
    private static UriParam parseParam(String text, int start, int end) {
        int eq = text.indexOf('=', start);
        if (eq >= end) {
            eq = -1;
        }
        String name = text.substring(start, eq < 0 ? end : eq);
        String value = eq < 0 ? "" : text.substring(eq + 1, end);
        if (name.isEmpty()) {
            throw new SipParseException("SIP URI: empty parameter name");
        }
        check(name, UriEscaping.Component.PARAM, "parameter name");
        if (eq >= 0 && value.isEmpty()) {
            throw new SipParseException("SIP URI: empty value for parameter '" + name + "'");
        }
        check(value, UriEscaping.Component.PARAM, "parameter value");
        return new UriParam(UriEscaping.unescape(name), UriEscaping.unescape(value));
    }

    private static UriParam parseHeader(String item) {
        int eq = item.indexOf('=');
        if (eq < 0) {
            throw new SipParseException("SIP URI: header '" + Uri.abbreviate(item) + "' has no '='");
        }
        String name = item.substring(0, eq);
        String value = item.substring(eq + 1);
        if (name.isEmpty()) {
            throw new SipParseException("SIP URI: empty header name");
        }
        check(name, UriEscaping.Component.HEADER, "header name");
        check(value, UriEscaping.Component.HEADER, "header value");
        return new UriParam(UriEscaping.unescape(name), UriEscaping.unescape(value));
    }

    /**
     * The port in {@code text[start, end)}, read in place. port = 1*DIGIT; RFC 3261 leaves the
     * range implicit, the transport caps it at 65535.
     */
    private static int parsePort(String text, int start, int end) {
        int digits = end - start;
        if (digits == 0) {
            throw new SipParseException("SIP URI: empty port");
        }
        int port = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9' || digits > 5) {
                throw new SipParseException("SIP URI: invalid port '" + Uri.abbreviate(text.substring(start, end)) + "'");
            }
            port = port * 10 + (c - '0');
        }
        if (port > 65535) {
            throw new SipParseException("SIP URI: port " + port + " out of range 0..65535");
        }
        return port;
    }

    private static void check(String part, UriEscaping.Component component, String what) {
        int bad = UriEscaping.firstInvalid(part, component);
        if (bad >= 0) {
            char c = part.charAt(bad);
            String shown = c == '%' ? "malformed escape" : c < 0x20 || c == 0x7f
                    ? "control character 0x" + Integer.toHexString(c) : "character '" + c + "'";
            throw new SipParseException("SIP URI: " + shown + " in " + what);
        }
    }

    private static int indexOfAny(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }
}
