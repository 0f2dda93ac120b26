package io.callops.events;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a caller sends as a socket, the parser answers with a socket or its one documented error. */
class EventSocketProperties {

    @Property(tries = 3000)
    void anyStringParsesOrFailsWithTheDocumentedError(@ForAll String text) {
        check(text);
    }

    @Property(tries = 3000)
    void nearMissesParseOrFailWithTheDocumentedError(@ForAll("nearMisses") String text) {
        check(text);
    }

    private static void check(String text) {
        EventSocket s;
        try {
            s = EventSocket.parse(text);
        } catch (InvalidSocketException expected) {
            assertThat(expected.getMessage()).startsWith("bad event socket '");
            return;
        }
        // What is accepted has a canonical form that reads back as the same socket.
        assertThat(EventSocket.parse(s.text())).isEqualTo(s);
        assertThat(s.text()).isEqualTo(s.text().strip());
    }

    /** Strings built from the pieces of real sockets, so that most get deep into the parser. */
    @Provide
    Arbitrary<String> nearMisses() {
        Arbitrary<String> scheme = Arbitraries.of("udp:", "tcp:", "UDP:", "http://", "https://", "HTTP://", "", "udp", "tcp:/");
        Arbitrary<String> host = Arbitraries.oneOf(
                Arbitraries.of("127.0.0.1", "[::1]", "::1", "[::1", "localhost", "h.example", "a_b", "256.0.0.1",
                        "[2001:db8::1]", "", "-x", "x-", "1.2.3", "[v1.x]"),
                Arbitraries.strings().withChars("abc.-:[]_@%1 ").ofMaxLength(12));
        Arbitrary<String> port = Arbitraries.oneOf(
                Arbitraries.integers().between(-2, 70000).map(i -> ":" + i),
                Arbitraries.of("", ":", "::", ":x", ":0", ":65535", ":65536", ":007", ": 1"));
        Arbitrary<String> rest = Arbitraries.of("", "/", "/events", "/a?b=c", "#f", "/ x", "?", "/%zz", "/\u00e9");
        return Combinators.combine(scheme, host, port, rest).as((a, b, c, d) -> a + b + c + d);
    }
}
