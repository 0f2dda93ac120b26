package io.callops.sip.uri;

import io.callops.sip.SipParseException;
import org.junit.jupiter.api.Test;

import static io.callops.sip.uri.UriEscaping.Component.HEADER;
import static io.callops.sip.uri.UriEscaping.Component.PARAM;
import static io.callops.sip.uri.UriEscaping.Component.PASSWORD;
import static io.callops.sip.uri.UriEscaping.Component.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UriEscapingTest {

    @Test
    void eachComponentKeepsItsOwnCharacters() {
        assertThat(UriEscaping.escape("a;b?c/d:e@f", USER)).isEqualTo("a;b?c/d%3Ae%40f");
        assertThat(UriEscaping.escape("a;b:c", PASSWORD)).isEqualTo("a%3Bb%3Ac");
        assertThat(UriEscaping.escape("[v6]:/&+$;=", PARAM)).isEqualTo("[v6]:/&+$%3B%3D");
        assertThat(UriEscaping.escape("a?b&c=d e", HEADER)).isEqualTo("a?b%26c%3Dd%20e");
    }

    @Test
    void escapesUtf8() {
        assertThat(UriEscaping.escape("é", USER)).isEqualTo("%C3%A9");
        assertThat(UriEscaping.unescape("%c3%a9")).isEqualTo("é");
    }

    @Test
    void unescapeRejectsBrokenSequences() {
        assertThatThrownBy(() -> UriEscaping.unescape("%4")).isInstanceOf(SipParseException.class);
        assertThatThrownBy(() -> UriEscaping.unescape("%g1")).isInstanceOf(SipParseException.class);
        assertThatThrownBy(() -> UriEscaping.unescape("%FF")).isInstanceOf(SipParseException.class);
    }

    @Test
    void normalizeMakesEscapedFormsComparable() {
        assertThat(UriEscaping.normalize("%61lice%2f%FF", USER)).isEqualTo("alice/%FF");
        assertThat(UriEscaping.normalize("%3a", USER)).isEqualTo("%3A");
    }
}
