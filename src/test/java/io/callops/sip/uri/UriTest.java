package io.callops.sip.uri;

import io.callops.sip.SipParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class UriTest {

    @Test
    void dispatchesOnScheme() {
        assertThat(Uri.parse("sip:a@b")).isInstanceOf(SipUri.class);
        assertThat(Uri.parse("SiPs:a@b")).isInstanceOf(SipUri.class);
        assertThat(Uri.parse("TEL:+1-212-555-0101")).isInstanceOf(TelUri.class);
        Uri other = Uri.parse("urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6");
        assertThat(other).isInstanceOf(AbsoluteUri.class);
        assertThat(other.scheme()).isEqualTo("urn");
        assertThat(((AbsoluteUri) other).schemeSpecificPart()).isEqualTo("uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6");
        assertThat(other.toString()).isEqualTo("urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6");
        assertThat(Uri.parse("http://www.example.com/a?b=c#d").toString()).isEqualTo("http://www.example.com/a?b=c#d");
        assertThat(Uri.parse("Mailto:Bob@Example.com").scheme()).isEqualTo("mailto");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":x", "noscheme", "1sip:x", "s p:x", "sip", "http:", "http:a b", "http:<x>",
        "http:a%2", "é:x", "mailto:\"a\"@b"})
    void rejectsMissingOrInvalidScheme(String text) {
        assertThatThrownBy(() -> Uri.parse(text)).isInstanceOf(SipParseException.class);
    }

    @Test
    void nullIsAParseError() {
        assertThatThrownBy(() -> Uri.parse(null)).isInstanceOf(SipParseException.class);
    }

    @Test
    void telUris() {
        TelUri global = (TelUri) Uri.parse("tel:+1-201-555-0123;ext=1234");
        assertThat(global.global()).isTrue();
        assertThat(global.number()).isEqualTo("+1-201-555-0123");
        assertThat(global.param("EXT")).isEqualTo("1234");
        assertThat(global.toString()).isEqualTo("tel:+1-201-555-0123;ext=1234");

        TelUri local = TelUri.parse("tel:7042;phone-context=example.com;isub=ab?c");
        assertThat(local.global()).isFalse();
        assertThat(local.phoneContext()).isEqualTo("example.com");
        assertThat(local.params()).containsExactly(entry("phone-context", "example.com"), entry("isub", "ab?c"));

        TelUri withGlobalContext = TelUri.parse("tel:863-1234;phone-context=+1-914-555");
        assertThat(withGlobalContext.phoneContext()).isEqualTo("+1-914-555");
        assertThat(TelUri.parse("tel:+1-201-555-0123")).isEqualTo(TelUri.parse("tel:+12015550123"));
        assertThat(TelUri.of("+44-20-7946-0000").toString()).isEqualTo("tel:+44-20-7946-0000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tel:", "tel:+", "tel:+-", "tel:7042", "tel:+1 212", "tel:+1;;x", "tel:+1;=x",
        "tel:+1;ext=", "tel:+1;a b=c", "tel:+1a", "sip:+1"})
    void rejectsBadTelUris(String text) {
        assertThatThrownBy(() -> TelUri.parse(text)).isInstanceOf(SipParseException.class);
    }
}
