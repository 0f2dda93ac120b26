package io.callops.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.callops.sip.header.ContactHeader;
import io.callops.sip.header.NameAddr;
import io.callops.sip.header.Via;
import io.callops.sip.uri.HostSyntax;
import io.callops.sip.uri.SipUri;
import io.callops.sip.uri.Uri;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link PlainSyntax} may only say yes to what the full parsers accept: the validator skips
 * their parse on its word. Values are built from the pieces of the plain forms and then
 * mutated (characters inserted, deleted or replaced from an alphabet of delimiters), so the
 * recogniser meets both its own forms and every near miss.
 */
class PlainSyntaxPropertyTest {

    @Property(tries = 20000)
    void aPlainViaParsesAndKeepsItsBranch(@ForAll("vias") String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        boolean plain = PlainSyntax.isPlainVia(b, 0, b.length);
        Statistics.collect(plain ? "plain" : "not plain");
        Statistics.coverage(check -> check.check("plain").percentage(p -> p > 3));
        if (plain) {
            Via via = Via.parse(value);
            assertThat(via.branch()).isNotEqualTo("z9hG4bK");
            assertThat(Via.parseAll(value)).hasSize(1);
            int hostStart = PlainSyntax.viaHostStart(b, 0, b.length);
            assertThat(new String(b, hostStart, PlainSyntax.viaHostEnd(b, hostStart, b.length) - hostStart,
                    StandardCharsets.US_ASCII)).isEqualTo(via.host());
            if (via.rportPresent() && via.rport() < 0) {
                // the Via a proxy must fill in (RFC 3581 §4) is never taken for one it can leave alone
                assertThat(PlainSyntax.viaHasBareRport(b, 0, b.length)).isTrue();
            }
        }
    }

    @Property(tries = 10000)
    void aPlainViaLineParsesWholeAndByItsFirstValue(@ForAll("viaLines") String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        if (PlainSyntax.isPlainViaLine(b, 0, b.length)) {
            assertThat(Via.parseAll(line)).as(line).hasSize(line.split(",", -1).length);
            if (b[0] != ' ' && b[0] != '\t') {
                // the first via-parm is taken only from its first byte on (its host is found by position)
                assertThat(PlainSyntax.plainFirstViaEnd(b, 0, b.length)).as(line).isPositive();
            }
        }
        int end = PlainSyntax.plainFirstViaEnd(b, 0, b.length);
        Statistics.collect(end >= 0 ? "first plain" : "first not plain");
        if (end >= 0) {
            String first = new String(b, 0, end, StandardCharsets.UTF_8);
            assertThat(Via.parse(first)).isEqualTo(Via.parseAll(line.substring(0, line.indexOf(',') < 0 ? line.length()
                    : line.indexOf(','))).get(0));
        }
    }

    @Property(tries = 20000)
    void aPlainAddressParsesAsFromToAndContact(@ForAll("addresses") String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        boolean plain = PlainSyntax.isPlainNameAddr(b, 0, b.length, false);
        Statistics.collect(plain ? "plain" : "not plain");
        Statistics.coverage(check -> check.check("plain").percentage(p -> p > 3));
        if (plain) {
            assertThatCode(() -> NameAddr.parse(value)).as(value).doesNotThrowAnyException();
        }
        if (PlainSyntax.isPlainNameAddr(b, 0, b.length, true)) {
            assertThat(plain).isTrue();
            ContactHeader contact = ContactHeader.parse(value);
            assertThat(contact.wildcard()).isFalse();
            assertThat(contact.contacts()).hasSize(1);
        }
    }

    @Property(tries = 10000)
    void aPlainRequestUriParsesWithoutHeaders(@ForAll("uris") String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        if (PlainSyntax.isPlainSipUri(b, 0, b.length)) {
            Uri uri = Uri.parse(value);
            assertThat(uri).isInstanceOf(SipUri.class);
            assertThat(((SipUri) uri).hasHeaders()).isFalse();
        }
    }

    @Property(tries = 10000)
    void hostChecksAgreeWithHostSyntax(@ForAll("hosts") String host) {
        byte[] b = host.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(PlainSyntax.isIPv4(b, 0, b.length)).as(host).isEqualTo(HostSyntax.isIPv4(host));
        assertThat(PlainSyntax.isHostname(b, 0, b.length)).as(host).isEqualTo(HostSyntax.isHostname(host));
    }

    private final SipParser parser = new SipParser();
    private final RequestValidator withPlainForms = new RequestValidator(Set.of(), true);
    private final RequestValidator parsingAll = new RequestValidator(Set.of(), false);

    /** The validator decides alike whether it recognises plain forms or parses every header. */
    @Property(tries = 10000)
    void plainFormsLeaveEveryVerdictAsItWas(@ForAll("requests") String text) {
        ParseResult parsed = parser.parse(text.getBytes(StandardCharsets.UTF_8));
        if (!(parsed instanceof ParseResult.Success ok) || !(ok.message() instanceof SipRequest request)) {
            return;
        }
        for (boolean stream : new boolean[] {false, true}) {
            Verdict fast = withPlainForms.checkRequest(request.copy(), stream);
            Verdict full = parsingAll.checkRequest(request.copy(), stream);
            Statistics.collect(fast.getClass().getSimpleName());
            assertThat(describe(fast)).as(text).isEqualTo(describe(full));
            Statistics.coverage(check -> check.check("Accept").percentage(p -> p > 5));
        }
    }

    @Property(tries = 5000)
    void plainFormsLeaveEveryResponseVerdictAsItWas(@ForAll("responses") String text) {
        ParseResult parsed = parser.parse(text.getBytes(StandardCharsets.UTF_8));
        if (!(parsed instanceof ParseResult.Success ok) || !(ok.message() instanceof SipResponse response)) {
            return;
        }
        Verdict fast = withPlainForms.checkResponse(response);
        Statistics.collect(fast.getClass().getSimpleName());
        assertThat(describe(fast)).as(text).isEqualTo(describe(parsingAll.checkResponse(response)));
    }

    private static String describe(Verdict v) {
        if (v instanceof Verdict.Reject rej) return "reject " + rej.status() + " " + rej.reason() + ": " + rej.detail();
        if (v instanceof Verdict.Drop drop) return "drop " + drop.detail();
        return v.toString();
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<String> requests() {
        return Arbitraries.randomValue(r -> {
            String method = pick(r, "INVITE", "BYE", "ACK", "OPTIONS", "REGISTER");
            StringBuilder s = new StringBuilder(method).append(' ').append(rarely(r, uri(r, true, wild(r)))).append(" SIP/2.0\r\n");
            int vias = 1 + r.nextInt(3);
            for (int i = 0; i < vias; i++) s.append("Via: ").append(rarely(r, via(r, wild(r)))).append("\r\n");
            s.append(r.nextInt(4) > 0 ? "Max-Forwards: 70\r\n"
                    : pick(r, "Max-Forwards: 0\r\n", "Max-Forwards: 256\r\n", "", "Max-Forwards:  7 \r\n"));
            s.append("From: ").append(rarely(r, address(r, wild(r)))).append("\r\n");
            s.append("To: ").append(rarely(r, address(r, wild(r)))).append("\r\n");
            s.append("Call-ID: 1-2@h\r\n");
            s.append("CSeq: ").append(rarely(r, (r.nextInt(4) > 0 ? "1 " : pick(r, "2147483647 ", "2147483648 ", "00001 "))
                    + (r.nextInt(4) > 0 ? method : pick(r, "INVITE", "FOO")))).append("\r\n");
            int contacts = r.nextInt(3);
            for (int i = 0; i < contacts; i++) {
                s.append("Contact: ").append(rarely(r, r.nextInt(8) > 0 ? address(r, wild(r)) : "*")).append("\r\n");
            }
            if (r.nextInt(8) == 0) s.append("Proxy-Require: ").append(pick(r, "foo", "path", "a, b")).append("\r\n");
            s.append(r.nextInt(3) > 0 ? "Content-Length: 0\r\n" : pick(r, "Content-Length: 0\r\nContent-Length: 0\r\n",
                    "Content-Length: 0\r\nl: 1\r\n", "Content-Length: x\r\n", "", "Content-Length:  0 \r\n"));
            return s.append("\r\n").toString();
        });
    }

    @Provide
    Arbitrary<String> responses() {
        return Arbitraries.randomValue(r -> {
            StringBuilder s = new StringBuilder("SIP/2.0 ").append(pick(r, "200 OK", "180 Ringing", "486 Busy"))
                    .append("\r\n");
            int vias = 1 + r.nextInt(3);
            for (int i = 0; i < vias; i++) {
                s.append("Via: ").append(mutate(r, pick(r, via(r, wild(r)), via(r) + "," + via(r), "SIP/2.0/UDP 255.255.255.255")))
                        .append("\r\n");
            }
            s.append("From: <sip:a@b>;tag=1\r\nTo: <sip:b@c>\r\nCall-ID: x\r\nCSeq: 1 INVITE\r\n\r\n");
            return s.toString();
        });
    }

    private static final String DELIMITERS = " \t;:=,<>\"@[]?%/\\*.-_!~'()&+$`z0Ü\r\n";

    @Provide
    Arbitrary<String> vias() {
        return Arbitraries.randomValue(r -> mutate(r, via(r)));
    }

    @Provide
    Arbitrary<String> viaLines() {
        return Arbitraries.randomValue(r -> {
            StringBuilder s = new StringBuilder(via(r, wild(r)));
            int more = r.nextInt(3);
            for (int i = 0; i < more; i++) s.append(pick(r, ",", ", ", " ,\t", ",,")).append(via(r, wild(r)));
            return rarely(r, s.toString());
        });
    }

    @Provide
    Arbitrary<String> addresses() {
        return Arbitraries.randomValue(r -> mutate(r, address(r)));
    }

    @Provide
    Arbitrary<String> uris() {
        return Arbitraries.randomValue(r -> mutate(r, uri(r, true)));
    }

    @Provide
    Arbitrary<String> hosts() {
        Arbitrary<String> near = Arbitraries.randomValue(r -> mutate(r, host(r)));
        Arbitrary<String> noise = Arbitraries.strings().withChars("0123456789.-aZ:[]Ü").ofMaxLength(20);
        return Arbitraries.oneOf(near, noise);
    }

    private static String via(Random r) {
        return via(r, true);
    }

    /** A Via value; with {@code wild} also values that break a rule of the grammar. */
    private static String via(Random r, boolean wild) {
        StringBuilder s = new StringBuilder();
        s.append(pick(r, "SIP", "sip", "SIP", "X-P")).append('/').append(pick(r, "2.0", "2.0", "3")).append('/')
                .append(pick(r, "UDP", "TCP", "tls", "WS", "SCTP"));
        s.append(pick(r, " ", " ", "\t", "  "));
        s.append(host(r, wild));
        if (r.nextBoolean()) s.append(':').append(port(r, wild));
        int params = r.nextInt(5);
        for (int i = 0; i < params; i++) {
            s.append(';');
            switch (r.nextInt(wild ? 9 : 6)) {
                case 0 -> s.append("rport");
                case 1 -> s.append(pick(r, "rport=", "RPORT=")).append(port(r, wild));
                case 2 -> s.append("branch=").append(pick(r, "z9hG4bK" + token(r), "z9hG4bK" + token(r), token(r)));
                case 3 -> s.append("received=").append(host(r, wild));
                case 4 -> s.append(pick(r, "ttl=16", "maddr=" + host(r, false)));
                case 5 -> s.append(token(r)).append(r.nextBoolean() ? "=" + token(r) : "");
                case 6 -> s.append(pick(r, "branch", "branch=z9hG4bK", "branch=a:b", "ttl=300", "maddr=-x"));
                default -> s.append(pick(r, "received", "received=::1", "received=1.2.3.4:5"));
            }
        }
        return s.toString();
    }

    private static String address(Random r) {
        return address(r, true);
    }

    private static String address(Random r, boolean wild) {
        StringBuilder s = new StringBuilder();
        switch (r.nextInt(4)) {
            case 0 -> s.append(uri(r, false, wild));
            case 1 -> s.append('<').append(uri(r, true, wild)).append('>');
            case 2 -> s.append('"').append(wild ? pick(r, "Alice", "A, B", "", "x<y>", "a\\\"b", "Ünï", "a\\")
                    : pick(r, "Alice", "A, B", "", "x<y>", "a\\\"b", "Ünï"))
                    .append('"').append(pick(r, "", " ", "\t")).append('<').append(uri(r, true, wild)).append('>');
            default -> s.append(wild ? pick(r, "sipp", "Bob Smith", "*x", "a.b-c", "x  y", "a@b") : pick(r, "sipp", "Bob Smith", "a.b-c"))
                    .append(pick(r, "", " ", "\t")).append('<').append(uri(r, true, wild)).append('>');
        }
        int params = r.nextInt(3);
        for (int i = 0; i < params; i++) {
            s.append(';').append(pick(r, "tag", "expires", "q", token(r)));
            if (r.nextInt(4) > 0) s.append('=').append(pick(r, token(r), "3600", "0.5", "a:b", "\"quoted, value\""));
        }
        return s.toString();
    }

    private static String uri(Random r, boolean withParams) {
        return uri(r, withParams, true);
    }

    private static String uri(Random r, boolean withParams, boolean wild) {
        StringBuilder s = new StringBuilder(wild ? pick(r, "sip:", "sips:", "sip:", "SIP:", "tel:", "mailto:")
                : pick(r, "sip:", "sips:", "sip:", "SIP:"));
        if (r.nextInt(3) > 0) {
            s.append(pick(r, "alice", "sipp", "service", "+15551234", "a.b_c!~*'()", "u&=+$", "us%20er", "a:pw",
                    withParams ? "a;b" : "ab")).append('@');
        }
        s.append(host(r, wild));
        if (r.nextBoolean()) s.append(':').append(port(r, wild));
        if (withParams) {
            int params = r.nextInt(3);
            for (int i = 0; i < params; i++) {
                s.append(';').append(wild ? pick(r, "lr", "transport=udp", "user=phone", "x=[a]", "a/b=c:d", "ob", "e=", "=v")
                        : pick(r, "lr", "transport=udp", "user=phone", "x=[a]", "a/b=c:d", "ob"));
            }
            if (wild && r.nextInt(8) == 0) s.append("?h=v");
        }
        return s.toString();
    }

    private static String host(Random r) {
        return host(r, true);
    }

    private static String host(Random r, boolean wild) {
        if (!wild) {
            return pick(r, "127.0.0.1", r.nextInt(256) + "." + r.nextInt(256) + ".0." + r.nextInt(256), "example.com",
                    "a-b.example.org.", "x", "[::1]", "h" + "a".repeat(r.nextInt(60)));
        }
        return switch (r.nextInt(7)) {
            case 0 -> "127.0.0.1";
            case 1 -> r.nextInt(300) + "." + r.nextInt(300) + "." + r.nextInt(10) + "." + r.nextInt(1000);
            case 2 -> "example.com";
            case 3 -> pick(r, "a-b.example.org.", "x", "1example", "ex--ample.c0m", "-bad.com", "bad-.com", "a..b", "9.9.9");
            case 4 -> "[::1]";
            case 5 -> "h" + "a".repeat(r.nextInt(70));
            default -> token(r);
        };
    }

    private static String port(Random r, boolean wild) {
        return wild ? pick(r, "5060", "0", "65535", "65536", "99999", "123456", "00005", Integer.toString(r.nextInt(70000)))
                : pick(r, "5060", "0", "65535", "00005", Integer.toString(r.nextInt(65536)));
    }

    private static String token(Random r) {
        String chars = "abcXYZ019-.!%*_+`'~";
        StringBuilder s = new StringBuilder();
        int n = 1 + r.nextInt(8);
        for (int i = 0; i < n; i++) s.append(chars.charAt(r.nextInt(chars.length())));
        return s.toString();
    }

    /** One header in eight may break a rule of its grammar. */
    private static boolean wild(Random r) {
        return r.nextInt(8) == 0;
    }

    /** Mutates one value in eight, so that whole messages are often valid. */
    private static String rarely(Random r, String value) {
        return r.nextInt(8) == 0 ? mutate(r, value) : value;
    }

    /** Leaves the value as it is half of the time; else inserts, deletes or replaces a few characters. */
    private static String mutate(Random r, String value) {
        if (r.nextBoolean() || value.isEmpty()) return value;
        StringBuilder s = new StringBuilder(value);
        int edits = 1 + r.nextInt(3);
        for (int i = 0; i < edits && s.length() > 0; i++) {
            int at = r.nextInt(s.length());
            char c = DELIMITERS.charAt(r.nextInt(DELIMITERS.length()));
            switch (r.nextInt(3)) {
                case 0 -> s.insert(at, c);
                case 1 -> s.deleteCharAt(at);
                default -> s.setCharAt(at, c);
            }
        }
        return s.toString();
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }
}
