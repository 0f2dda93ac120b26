package io.callops.sip;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Random well-formed SIP messages for the codec properties, with the hot-field values they
 * were built from. They exercise what RFC 3261 §7.3.1 lets senders vary: long and compact
 * header names in any case, LWS around the colon, folded lines, quoted strings holding
 * {@code ; , < >}, several Via values in one line, bodies of arbitrary octets.
 */
final class GeneratedMessages {
    private GeneratedMessages() {}

    /** A generated message and the values the parser must read back from it. */
    record Generated(byte[] bytes, boolean request, String method, int status, String callId, long cseq,
                     String cseqMethod, String branch, String fromTag, String toTag, long contentLength,
                     int bodyLength, int headerLines) {
        @Override
        public String toString() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static final String TOKEN_CHARS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~";
    private static final String[] METHODS = {"INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER",
        "SUBSCRIBE", "NOTIFY", "REFER", "MESSAGE", "UPDATE", "PRACK", "INFO", "PUBLISH"};
    /** Long and compact forms of headers that are not hot fields (RFC 3261 §7.3.3, RFC 3265, 3515, 4028). */
    private static final String[][] KNOWN = {{"Contact", "m"}, {"Subject", "s"}, {"Supported", "k"},
        {"Content-Type", "c"}, {"Event", "o"}, {"Allow-Events", "u"}, {"Refer-To", "r"},
        {"Referred-By", "b"}, {"Session-Expires", "x"}, {"Content-Encoding", "e"}, {"Route", null},
        {"Record-Route", null}, {"Allow", null}, {"User-Agent", null}, {"Expires", null}, {"Date", null},
        {"Require", null}, {"Accept", null}, {"Organization", null}, {"Server", null}};

    /** Messages for a datagram; Content-Length may be absent when there is no body. */
    static Arbitrary<Generated> datagrams() {
        return Arbitraries.randomValue(r -> generate(r, false));
    }

    /** Messages for a stream transport: Content-Length always present (RFC 3261 §18.3). */
    static Arbitrary<Generated> streamMessages() {
        return Arbitraries.randomValue(r -> generate(r, true));
    }

    static Generated generate(Random r, boolean needLength) {
        String eol = r.nextInt(10) == 0 ? "\n" : "\r\n"; // RFC 3261 §7 receivers also take bare LF
        boolean request = r.nextBoolean();
        String method = request ? pickMethod(r) : null;
        String cseqMethod = request ? method : pickMethod(r);
        int status = request ? 0 : 100 + r.nextInt(600);

        String callId = token(r, 1, 20) + (r.nextBoolean() ? "@" + host(r) : "");
        long cseq = r.nextInt(4) == 0 ? (1L << 31) - 1 - r.nextInt(3) : r.nextInt(100_000);
        String branch = "z9hG4bK" + token(r, 1, 24);
        String fromTag = token(r, 1, 16);
        String toTag = request && r.nextBoolean() ? null : token(r, 1, 16);
        byte[] body = r.nextInt(3) == 0 ? new byte[0] : randomBytes(r, 1 + r.nextInt(600));
        boolean withLength = needLength || body.length > 0 || r.nextBoolean();

        List<String> lines = new ArrayList<>();
        String topVia = name(r, "Via", "v") + sep(r) + via(r, branch, eol);
        lines.add(topVia);
        lines.add(name(r, "From", "f") + sep(r) + nameAddr(r, fromTag, eol));
        lines.add(name(r, "To", "t") + sep(r) + nameAddr(r, toTag, eol));
        lines.add(name(r, "Call-ID", "i") + sep(r) + callId);
        lines.add(name(r, "CSeq", null) + sep(r) + cseq + (r.nextInt(5) == 0 ? eol + " " : " ") + cseqMethod);
        if (request) {
            lines.add(name(r, "Max-Forwards", null) + sep(r) + r.nextInt(256));
        }
        if (withLength) {
            lines.add(name(r, "Content-Length", "l") + sep(r) + body.length);
        }
        int extras = r.nextInt(21);
        for (int i = 0; i < extras; i++) {
            lines.add(extraHeader(r, eol));
        }
        Collections.shuffle(lines, r);
        // A second Via line below the first keeps the top branch the generated one.
        if (r.nextInt(3) == 0) {
            int top = lines.indexOf(topVia);
            lines.add(top + 1 + r.nextInt(lines.size() - top), name(r, "Via", "v") + sep(r)
                    + "SIP/2.0/TCP " + host(r) + ";branch=z9hG4bK" + token(r, 1, 10));
        }

        StringBuilder head = new StringBuilder(512);
        if (request) {
            head.append(method).append(' ').append(sipUri(r)).append(" SIP/2.0").append(eol);
        } else {
            head.append("SIP/2.0 ").append(status).append(' ').append(reason(r)).append(eol);
        }
        for (String line : lines) {
            head.append(line).append(eol);
        }
        head.append(eol);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return new Generated(out.toByteArray(), request, method, status, callId, cseq, cseqMethod, branch,
                fromTag, toTag, withLength ? body.length : -1, body.length, lines.size());
    }

    private static String pickMethod(Random r) {
        return r.nextInt(8) == 0 ? "X" + token(r, 1, 10) : METHODS[r.nextInt(METHODS.length)];
    }

    /** Header name in long or compact form, sometimes in odd case. */
    private static String name(Random r, String longForm, String compact) {
        String n = compact != null && r.nextBoolean() ? compact : longForm;
        switch (r.nextInt(4)) {
            case 0: return n.toUpperCase(Locale.ROOT);
            case 1: return n.toLowerCase(Locale.ROOT);
            default: return n;
        }
    }

    /** HCOLON = *( SP / HTAB ) ":" SWS (RFC 3261 §25.1). */
    private static String sep(Random r) {
        switch (r.nextInt(5)) {
            case 0: return ":";
            case 1: return " : ";
            case 2: return "\t:  ";
            default: return ": ";
        }
    }

    private static String via(Random r, String branch, String eol) {
        String transport = new String[] {"UDP", "TCP", "TLS", "SCTP", "WS"}[r.nextInt(5)];
        StringBuilder v = new StringBuilder("SIP/2.0/").append(transport).append(' ').append(host(r));
        if (r.nextBoolean()) {
            v.append(':').append(1024 + r.nextInt(60000));
        }
        if (r.nextBoolean()) {
            v.append(";rport");
        }
        v.append(r.nextInt(5) == 0 ? eol + " ;" : ";").append("branch=").append(branch);
        if (r.nextBoolean()) {
            v.append(";received=192.0.2.").append(r.nextInt(255));
        }
        if (r.nextInt(4) == 0) {
            v.append(", SIP/2.0/UDP ").append(host(r)).append(";branch=z9hG4bK").append(token(r, 1, 8));
        }
        return v.toString();
    }

    /** From/To in name-addr or addr-spec form; quotes and brackets hide look-alike tags. */
    private static String nameAddr(Random r, String tag, String eol) {
        StringBuilder a = new StringBuilder();
        int form = r.nextInt(4);
        if (form == 0) {
            a.append(sipUri(r).replaceAll(";.*", "")); // addr-spec: parameters would belong to the header
        } else {
            if (form == 1) {
                a.append('"').append(quotedText(r)).append("\" ");
            } else if (form == 2) {
                a.append(token(r, 1, 8)).append(' ');
            }
            a.append('<').append(sipUri(r));
            if (r.nextBoolean()) {
                a.append(";tag=inuri");
            }
            a.append('>');
        }
        if (r.nextBoolean()) {
            a.append(";x-p=").append(token(r, 1, 5));
        }
        if (tag != null) {
            a.append(r.nextInt(5) == 0 ? eol + "  ;" : ";").append("tag=").append(tag);
        }
        return a.toString();
    }

    private static String sipUri(Random r) {
        StringBuilder u = new StringBuilder(r.nextInt(5) == 0 ? "sips:" : "sip:");
        if (r.nextInt(4) != 0) {
            u.append(token(r, 1, 10).replace("%", "%25")).append('@');
        }
        u.append(host(r));
        if (r.nextBoolean()) {
            u.append(':').append(1 + r.nextInt(65535));
        }
        if (r.nextBoolean()) {
            u.append(";transport=tcp");
        }
        if (r.nextBoolean()) {
            u.append(";lr");
        }
        return u.toString();
    }

    private static String host(Random r) {
        if (r.nextBoolean()) {
            return "192.0.2." + r.nextInt(256);
        }
        return lower(r, 1, 8) + "." + lower(r, 1, 8) + ".example";
    }

    /** Text for a quoted-string, with characters that matter to naive scanners. */
    private static String quotedText(Random r) {
        String chars = "abc XYZ;,<>=@:tag\\\"é中";
        StringBuilder s = new StringBuilder();
        int n = r.nextInt(16);
        for (int i = 0; i < n; i++) {
            char c = chars.charAt(r.nextInt(chars.length()));
            if (c == '\\' || c == '"') {
                s.append('\\'); // quoted-pair (RFC 3261 §25.1)
            }
            s.append(c);
        }
        return s.toString();
    }

    private static String reason(Random r) {
        String chars = "abcdefg OKRinging-Trying 中文éü";
        StringBuilder s = new StringBuilder();
        int n = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(20);
        for (int i = 0; i < n; i++) {
            s.append(chars.charAt(r.nextInt(chars.length())));
        }
        return s.toString();
    }

    private static String extraHeader(Random r, String eol) {
        String name;
        if (r.nextInt(3) == 0) {
            name = "X-" + token(r, 1, 12);
        } else {
            String[] k = KNOWN[r.nextInt(KNOWN.length)];
            name = name(r, k[0], k[1]);
        }
        String value;
        switch (r.nextInt(5)) {
            case 0: value = token(r, 0, 20); break;
            case 1: value = "\"" + quotedText(r) + "\""; break;
            case 2: value = "<" + sipUri(r) + ">;p=" + token(r, 1, 4); break;
            case 3: value = token(r, 1, 6) + ", " + token(r, 1, 6) + " , " + token(r, 1, 6); break;
            default: value = token(r, 1, 6) + " " + token(r, 1, 6) + " " + token(r, 1, 6); break;
        }
        if (r.nextInt(4) == 0 && value.indexOf(' ') > 0 && !value.startsWith("\"")) {
            value = value.replaceFirst(" ", eol + (r.nextBoolean() ? " " : "\t ")); // folding, §7.3.1
        }
        return name + sep(r) + value;
    }

    static String token(Random r, int min, int max) {
        int n = min + r.nextInt(max - min + 1);
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(TOKEN_CHARS.charAt(r.nextInt(TOKEN_CHARS.length())));
        }
        return s.toString();
    }

    private static String lower(Random r, int min, int max) {
        int n = min + r.nextInt(max - min + 1);
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + r.nextInt(26)));
        }
        return s.toString();
    }

    private static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }
}
