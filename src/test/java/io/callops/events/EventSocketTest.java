package io.callops.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The four socket forms, their canonical text, and what is refused. */
class EventSocketTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "udp:127.0.0.1:8888            | udp:127.0.0.1:8888            | UDP",
        "UDP:Events.Example.ORG:9      | udp:events.example.org:9      | UDP",
        "udp:[::1]:65535               | udp:[::1]:65535               | UDP",
        "udp:[2001:DB8::A]:1           | udp:[2001:db8::a]:1           | UDP",
        "tcp:10.0.0.1:1                | tcp:10.0.0.1:1                | TCP",
        "tcp:localhost:5000            | tcp:localhost:5000            | TCP",
        "http://127.0.0.1:8080/events  | http://127.0.0.1:8080/events  | HTTP",
        "HTTP://Hooks.Example.com      | http://hooks.example.com      | HTTP",
        "https://h.example.com/a/../b?x=1 | https://h.example.com/a/../b?x=1 | HTTPS",
        "http://[::1]:8080/e           | http://[::1]:8080/e           | HTTP",
        "http://user:pw@h.example:81/  | http://user:pw@h.example:81/  | HTTP",
    })
    void accepted(String given, String canonical, DeliveryTransport transport) {
        EventSocket s = EventSocket.parse(given);
        assertThat(s.text()).isEqualTo(canonical);
        assertThat(s.transport()).isEqualTo(transport);
        assertThat(EventSocket.parse(s.text())).isEqualTo(s);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "udp", "udp:", "udp::", "udp:127.0.0.1", "udp:127.0.0.1:", "udp::9", "udp:127.0.0.1:0",
            "udp:127.0.0.1:65536", "udp:127.0.0.1:99999999999", "udp:127.0.0.1:-1", "udp:127.0.0.1:+9",
            "udp:127.0.0.1: 9", "udp:::1:9", "udp:[::1:9", "udp:[zz]:9", "udp:256.1.1.1:9", "udp:host name:9",
            "udp:-bad.example:9", "udp:a..b:9", "tcp:127.0.0.1", "sctp:127.0.0.1:9", "unix:/tmp/s",
            "127.0.0.1:9", "http://", "http:///x", "http://a_b/x", "http://h.example:0/", "http://h.example:99999/",
            "http://h.example/#frag", "http://h.example/ x", "https:h.example", "ftp://h.example/"})
    void refused(String given) {
        assertThatThrownBy(() -> EventSocket.parse(given)).isInstanceOf(InvalidSocketException.class)
                .hasMessageStartingWith("bad event socket '" + given + "'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"udp:127.0.0.1:9", "tcp:[::1]:9", "https://h.example/x"})
    void theHostIsWhatWillBeResolved(String given) {
        EventSocket s = EventSocket.parse(given);
        String expected = s instanceof EventSocket.Http h ? URI.create(given).getHost() : given.substring(4, given.lastIndexOf(':'));
        assertThat(s.host()).isEqualTo(expected);
    }
}
