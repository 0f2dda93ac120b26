package io.callops.sip.header;

import io.callops.sip.SipParseException;
import io.callops.sip.uri.Uri;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.arbitraries.StringArbitrary;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every parser, fed any text, either returns a value or throws {@link SipParseException}
 * with a message; nothing else escapes. Inputs mix random text with mutated valid values
 * so the parsers get past their first checks. A hang would show up as a stuck build.
 */
class ParsersNeverMisbehavePropertyTest {

    private static final List<Function<String, Object>> PARSERS = List.of(
            Uri::parse, Via::parseAll, NameAddr::parseAll, CSeq::parse, Replaces::parse, EventHeader::parse,
            SubscriptionState::parse, ContactHeader::parse, ReferTo::parse, TokenList::parse, RetryAfter::parse,
            ContentType::parse, s -> ReferTo.parse(s).embeddedReplaces(), s -> {
                Object parsed = Uri.parse(s);
                return parsed instanceof io.callops.sip.uri.SipUri sip ? sip.userDecoded() : parsed;
            });

    private static final List<String> SEEDS = List.of(
            "sip:alice:pw@[2001:db8::1]:5060;transport=tcp;lr?subject=a%20b&h=v",
            "sips:+1-212-555-1212;isub=1234@example.com;user=phone",
            "tel:7042;phone-context=example.com;ext=22",
            "SIP/2.0/UDP [::1]:5060;branch=z9hG4bK1;rport;received=[::2], SIP/2.0/TCP h.example;ttl=3",
            "\"Bob \\\"B\\\"\" <sip:bob@x?Replaces=abc%40h%3Bto-tag%3D1%3Bfrom-tag%3D2>;tag=1;q=0.5",
            "Bob Smith <sip:bob@x>, sip:c@d;expires=60", "*",
            "4711 INVITE", "abc@h;to-tag=1;from-tag=2;early-only",
            "refer;id=93809824", "terminated;reason=noresource;retry-after=30;expires=10",
            "INVITE, ACK", "120 (in a (meeting));duration=60", "multipart/mixed;boundary=\"x y\"");

    @Property(tries = 3000)
    void parsersReturnOrThrowSipParseException(@ForAll("inputs") String input) {
        for (Function<String, Object> parser : PARSERS) {
            try {
                Object result = parser.apply(input);
                if (result != null) {
                    assertThat(result.toString()).isNotNull();
                }
            } catch (SipParseException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
    }

    @Provide
    Arbitrary<String> inputs() {
        StringArbitrary random = Arbitraries.strings()
                .withChars(";?@:&=+$,/[]%<>\"\\ \t\r\n()*.-_!~'#{}")
                .withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                .withCharRange('\u0000', '\u001f').withCharRange('\u0080', '\u00ff').withChars('\ud800', '\udc00', '\uffff')
                .ofMaxLength(60);
        Arbitrary<String> prefixed = Arbitraries.of("sip:", "sips:", "tel:", "SIP/2.0/UDP ", "<sip:", "\"", "1 ", "x;", "x@y;")
                .flatMap(prefix -> random.map(tail -> prefix + tail));
        Arbitrary<String> mutated = Arbitraries.of(SEEDS).flatMap(seed -> Arbitraries.integers().between(0, seed.length())
                .list().ofMinSize(1).ofMaxSize(3)
                .flatMap(cuts -> random.ofMaxLength(3).map(insert -> mutate(seed, cuts, insert))));
        return Arbitraries.oneOf(random, prefixed, mutated);
    }

    private static String mutate(String seed, List<Integer> cuts, String insert) {
        StringBuilder s = new StringBuilder(seed);
        for (int cut : cuts) {
            int at = Math.min(cut, s.length());
            if (insert.isEmpty() && at < s.length()) {
                s.deleteCharAt(at);
            } else {
                s.insert(at, insert);
            }
        }
        return s.toString();
    }
}
