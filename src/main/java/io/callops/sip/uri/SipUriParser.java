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
        int colon = text.indexOf(':');
        String scheme = colon < 0 ? "" : text.substring(0, colon);
        boolean secure;
        if (scheme.equalsIgnoreCase("sip")) {
            secure = false;
        } else if (scheme.equalsIgnoreCase("sips")) {
            secure = true;
        } else {
            throw new SipParseException("SIP URI: scheme must be sip or sips in '" + Uri.abbreviate(text) + "'");
        }
        String rest = text.substring(colon + 1);

        // No part after userinfo may hold an unescaped '@' (paramchar, hvalue and host exclude it),
        // so the last '@' ends userinfo even when the user itself holds ';' or '?' (RFC 4475 §3.1.1.6).
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userinfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int pw = userinfo.indexOf(':');
            user = pw < 0 ? userinfo : userinfo.substring(0, pw);
            password = pw < 0 ? null : userinfo.substring(pw + 1);
            if (user.isEmpty()) {
                throw new SipParseException("SIP URI: empty user before '@'");
            }
            check(user, UriEscaping.Component.USER, "user");
            if (password != null) {
                check(password, UriEscaping.Component.PASSWORD, "password");
            }
        }

        int hostEnd;
        String host;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new SipParseException("SIP URI: unterminated IPv6 reference");
            }
            host = rest.substring(0, close + 1);
            if (!HostSyntax.isIPv6Reference(host)) {
                throw new SipParseException("SIP URI: invalid IPv6 reference '" + Uri.abbreviate(host) + "'");
            }
            hostEnd = close + 1;
        } else {
            hostEnd = indexOfAny(rest, ":;?", 0);
            host = rest.substring(0, hostEnd);
            if (host.isEmpty()) {
                throw new SipParseException("SIP URI: missing host");
            }
            if (!HostSyntax.isIPv4(host) && !HostSyntax.isHostname(host)) {
                throw new SipParseException("SIP URI: invalid host '" + Uri.abbreviate(host) + "'");
            }
        }

        int pos = hostEnd;
        int port = -1;
        if (pos < rest.length() && rest.charAt(pos) == ':') {
            int portEnd = indexOfAny(rest, ";?", pos + 1);
            port = parsePort(rest.substring(pos + 1, portEnd));
            pos = portEnd;
        }
        if (pos < rest.length() && rest.charAt(pos) != ';' && rest.charAt(pos) != '?') {
            throw new SipParseException("SIP URI: unexpected '" + rest.charAt(pos) + "' after host");
        }

        List<UriParam> params = new ArrayList<>();
        while (pos < rest.length() && rest.charAt(pos) == ';') {
            int end = indexOfAny(rest, ";?", pos + 1);
            params.add(parseParam(rest.substring(pos + 1, end)));
            pos = end;
        }

        List<UriParam> headers = new ArrayList<>();
        if (pos < rest.length()) { // must be '?': the loops above stop only there
            String[] items = rest.substring(pos + 1).split("&", -1);
            for (String item : items) {
                headers.add(parseHeader(item));
            }
        }
        return new SipUri(secure, user, password, host, port, params, headers, text);
    }

    private static UriParam parseParam(String item) {
        int eq = item.indexOf('=');
        String name = eq < 0 ? item : item.substring(0, eq);
        String value = eq < 0 ? "" : item.substring(eq + 1);
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

    /** port = 1*DIGIT; RFC 3261 leaves the range implicit, the transport caps it at 65535. */
    static int parsePort(String digits) {
        if (digits.isEmpty()) {
            throw new SipParseException("SIP URI: empty port");
        }
        if (!HostSyntax.allDigits(digits) || digits.length() > 5) {
            throw new SipParseException("SIP URI: invalid port '" + Uri.abbreviate(digits) + "'");
        }
        int port = Integer.parseInt(digits);
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
