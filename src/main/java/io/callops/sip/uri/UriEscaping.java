package io.callops.sip.uri;

import io.callops.sip.SipParseException;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-escaping for the parts of a SIP URI, following the character sets of the
 * RFC 3261 §25.1 grammar. Each part allows a different set of characters unescaped;
 * everything else is written as UTF-8 bytes in {@code %XX} form.
 */
public final class UriEscaping {

    /** The URI parts whose unescaped character sets differ (RFC 3261 §25.1). */
    public enum Component {
        /** user = 1*( unreserved / escaped / user-unreserved ). */
        USER("&=+$,;?/"),
        /** password = *( unreserved / escaped / "&" / "=" / "+" / "$" / "," ). */
        PASSWORD("&=+$,"),
        /** pname / pvalue = 1*paramchar, with param-unreserved. */
        PARAM("[]/:&+$"),
        /** hname / hvalue, with hnv-unreserved. */
        HEADER("[]/?:+$");

        private final String extra;

        Component(String extra) {
            this.extra = extra;
        }

        /** Whether {@code c} may appear unescaped in this part. */
        public boolean allows(char c) {
            return isUnreserved(c) || extra.indexOf(c) >= 0;
        }
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriEscaping() {
    }

    /** unreserved = alphanum / mark (RFC 3261 §25.1). */
    public static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-_.!~*'()".indexOf(c) >= 0;
    }

    /** Escapes every character of {@code s} that {@code component} does not allow as is. */
    public static String escape(String s, Component component) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && component.allows(c)) {
                out.append(c);
            } else {
                appendEscaped(out, b);
            }
        }
        return out.toString();
    }

    /** Decodes {@code %XX} sequences as UTF-8; a broken sequence or invalid UTF-8 is a parse error. */
    public static String unescape(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        byte[] bytes = decodeToBytes(s);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SipParseException("URI escape: '" + s + "' does not decode to UTF-8 text", e);
        }
    }

    /**
     * Rewrites escapes canonically: characters the component allows are unescaped, the rest
     * escaped with upper-case hex. Works on bytes, so it never fails on non-UTF-8 escapes;
     * two strings are "escaped-equivalent" (RFC 3261 §19.1.4) when their normal forms match.
     */
    public static String normalize(String s, Component component) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (byte b : decodeToBytes(s)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && component.allows(c)) {
                out.append(c);
            } else {
                appendEscaped(out, b);
            }
        }
        return out.toString();
    }

    /**
     * Checks that {@code s} uses only the component's characters and well-formed escapes.
     * Returns the position of the first offending character, or -1 when all is well.
     */
    public static int firstInvalid(CharSequence s, Component component) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || hexValue(s.charAt(i + 1)) < 0 || hexValue(s.charAt(i + 2)) < 0) {
                    return i;
                }
                i += 2;
            } else if (!component.allows(c)) {
                return i;
            }
        }
        return -1;
    }

    static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static byte[] decodeToBytes(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw new SipParseException("URI escape: truncated '%' sequence in '" + s + "'");
                }
                int hi = hexValue(s.charAt(i + 1));
                int lo = hexValue(s.charAt(i + 2));
                if (hi < 0 || lo < 0) {
                    throw new SipParseException("URI escape: '%" + s.charAt(i + 1) + s.charAt(i + 2)
                            + "' is not two hex digits");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isSurrogate(c) && i + 1 < s.length()) {
                    encoded = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.write(encoded, 0, encoded.length);
            }
        }
        return out.toByteArray();
    }

    private static void appendEscaped(StringBuilder out, byte b) {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }
}
