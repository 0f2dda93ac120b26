package io.callops.sip.uri;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Any URI built from valid decoded components prints text that parses back to the same components. */
class SipUriRoundTripPropertyTest {

    record Components(boolean secure, String user, String password, String host, int port,
                      Map<String, String> params, Map<String, String> headers) {

        SipUri build() {
            SipUri uri = SipUri.of(secure, user, host, port);
            if (password != null && user != null) {
                uri = uri.withPassword(password);
            }
            for (Map.Entry<String, String> p : params.entrySet()) {
                uri = uri.withParam(p.getKey(), p.getValue());
            }
            for (Map.Entry<String, String> h : headers.entrySet()) {
                uri = uri.withHeader(h.getKey(), h.getValue());
            }
            return uri;
        }
    }

    @Property(tries = 500)
    void printedUriParsesBackToTheSameComponents(@ForAll("components") Components c) {
        SipUri built = c.build();
        Uri reparsed = Uri.parse(built.toString());

        assertThat(reparsed).isInstanceOf(SipUri.class);
        SipUri uri = (SipUri) reparsed;
        assertThat(uri.secure()).isEqualTo(c.secure());
        assertThat(uri.userDecoded()).isEqualTo(c.user());
        assertThat(uri.passwordDecoded()).isEqualTo(c.user() == null ? null : c.password());
        assertThat(uri.host()).isEqualTo(c.host());
        assertThat(uri.port()).isEqualTo(c.port());
        assertThat(uri.params()).containsExactlyEntriesOf(c.params());
        assertThat(uri.headers()).containsExactlyEntriesOf(c.headers());
        assertThat(uri).isEqualTo(built);
        assertThat(uri.equivalentTo(built)).isTrue();
        assertThat(uri.toString()).isEqualTo(built.toString());
    }

    @Provide
    Arbitrary<Components> components() {
        Arbitrary<String> user = text().injectNull(0.3);
        Arbitrary<String> password = text().ofMinLength(0).injectNull(0.5);
        Arbitrary<Integer> port = Arbitraries.oneOf(Arbitraries.just(-1), Arbitraries.integers().between(0, 65535));
        return Combinators.combine(Arbitraries.of(true, false), user, password, hosts(), port,
                        nameValues(Arbitraries.oneOf(text(), Arbitraries.just(""))), nameValues(text().ofMinLength(0)))
                .as(Components::new);
    }

    /** Distinct (ignoring case) non-empty names with values; "" means a flag for params. */
    private Arbitrary<Map<String, String>> nameValues(Arbitrary<String> values) {
        return Combinators.combine(text(), values).as(List::of).list().ofMaxSize(4).map(pairs -> {
            Map<String, String> map = new LinkedHashMap<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (List<String> pair : pairs) {
                if (seen.add(pair.get(0).toLowerCase(Locale.ROOT))) {
                    map.put(pair.get(0), pair.get(1));
                }
            }
            return map;
        });
    }

    /** Arbitrary text without lone surrogates, weighted towards the characters the grammar cares about. */
    private net.jqwik.api.arbitraries.StringArbitrary text() {
        return Arbitraries.strings()
                .withChars(";?@:&=+$,/[]%<>\" -_.!~*'()#\\")
                .withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                .withCharRange('\u0000', '\u001f').withCharRange('\u00a0', '\u00ff').withCharRange('\u4e00', '\u4e10')
                .ofMinLength(1).ofMaxLength(12);
    }

    private Arbitrary<String> hosts() {
        Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('-')
                .ofMinLength(1).ofMaxLength(8)
                .filter(l -> !l.startsWith("-") && !l.endsWith("-"));
        Arbitrary<String> top = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(5);
        Arbitrary<String> hostname = Combinators.combine(label.list().ofMaxSize(3), top)
                .as((labels, t) -> String.join("", labels.stream().map(l -> l + ".").toList()) + t);
        Arbitrary<String> ipv4 = Arbitraries.integers().between(0, 255).list().ofSize(4)
                .map(parts -> String.join(".", parts.stream().map(String::valueOf).toList()));
        Arbitrary<String> ipv6 = Arbitraries.integers().between(0, 0xffff).list().ofSize(8)
                .map(parts -> "[" + String.join(":", parts.stream().map(Integer::toHexString).toList()) + "]");
        Arbitrary<String> ipv6Compressed = Arbitraries.integers().between(0, 0xffff).list().ofMinSize(0).ofMaxSize(3)
                .map(parts -> "[2001:db8::" + String.join(":", parts.stream().map(Integer::toHexString).toList()) + "]")
                .map(s -> s.endsWith("::]") ? s : s);
        return Arbitraries.oneOf(hostname, ipv4, ipv6, ipv6Compressed);
    }
}
