package io.callops.sip.uri;

import io.callops.sip.SipParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class SipUriTest {

    @Test
    void parsesAllParts() {
        SipUri uri = SipUri.parse("sip:alice:secret@atlanta.com:5070;transport=TCP;lr?subject=project%20x&priority=urgent");
        assertThat(uri.secure()).isFalse();
        assertThat(uri.scheme()).isEqualTo("sip");
        assertThat(uri.user()).isEqualTo("alice");
        assertThat(uri.password()).isEqualTo("secret");
        assertThat(uri.host()).isEqualTo("atlanta.com");
        assertThat(uri.port()).isEqualTo(5070);
        assertThat(uri.hostPort()).isEqualTo("atlanta.com:5070");
        assertThat(uri.transport()).isEqualTo("tcp");
        assertThat(uri.param("transport")).isEqualTo("TCP");
        assertThat(uri.lr()).isTrue();
        assertThat(uri.param("LR")).isEmpty();
        assertThat(uri.param("maddr")).isNull();
        assertThat(uri.params()).containsExactly(entry("transport", "TCP"), entry("lr", ""));
        assertThat(uri.headers()).containsExactly(entry("subject", "project x"), entry("priority", "urgent"));
        assertThat(uri.hasHeaders()).isTrue();
        assertThat(uri.header("Subject")).isEqualTo("project x");
    }

    @Test
    void minimalUriHasNoOptionalParts() {
        SipUri uri = SipUri.parse("sip:example.com");
        assertThat(uri.user()).isNull();
        assertThat(uri.userDecoded()).isNull();
        assertThat(uri.password()).isNull();
        assertThat(uri.port()).isEqualTo(-1);
        assertThat(uri.params()).isEmpty();
        assertThat(uri.headers()).isEmpty();
        assertThat(uri.hasHeaders()).isFalse();
        assertThat(uri.ttl()).isEqualTo(-1);
        assertThat(uri.transport()).isNull();
        assertThat(uri.hostPort()).isEqualTo("example.com");
    }

    @Test
    void schemeIsCaseInsensitiveAndOriginalTextIsKept() {
        String text = "SIPS:Bob@Biloxi.COM;Transport=tls";
        SipUri uri = SipUri.parse(text);
        assertThat(uri.secure()).isTrue();
        assertThat(uri.scheme()).isEqualTo("sips");
        assertThat(uri.transport()).isEqualTo("tls");
        assertThat(uri.host()).isEqualTo("Biloxi.COM");
        assertThat(uri.toString()).isEqualTo(text);
    }

    @Test
    void escapedUserIsKeptAndDecoded() {
        SipUri uri = SipUri.parse("sip:%61lice@x");
        assertThat(uri.user()).isEqualTo("%61lice");
        assertThat(uri.userDecoded()).isEqualTo("alice");
        assertThat(uri.toString()).isEqualTo("sip:%61lice@x");
        assertThat(uri.equivalentTo(SipUri.parse("sip:alice@x"))).isTrue();
        assertThat(uri).isEqualTo(SipUri.parse("sip:alice@x"));
    }

    @Test
    void userMayHoldSemicolonsAndEscapedAt() {
        SipUri uri = SipUri.parse("sip:user;par=u%40example.net@example.com");
        assertThat(uri.user()).isEqualTo("user;par=u%40example.net");
        assertThat(uri.userDecoded()).isEqualTo("user;par=u@example.net");
        assertThat(uri.host()).isEqualTo("example.com");
        assertThat(uri.params()).isEmpty();
    }

    @Test
    void telephoneSubscriberUser() {
        SipUri uri = SipUri.parse("sip:+1-212-555-1212;isub=1234@example.com;user=phone");
        assertThat(uri.user()).isEqualTo("+1-212-555-1212;isub=1234");
        assertThat(uri.host()).isEqualTo("example.com");
        assertThat(uri.param("user")).isEqualTo("phone");
    }

    @Test
    void emptyPasswordIsAllowed() {
        SipUri uri = SipUri.parse("sip:alice:@x");
        assertThat(uri.password()).isEmpty();
    }

    @Test
    void ipv4AndIpv6Hosts() {
        assertThat(SipUri.parse("sip:10.0.0.1:5060").host()).isEqualTo("10.0.0.1");
        SipUri v6 = SipUri.parse("sip:bob@[2001:db8::10]:5070;transport=udp");
        assertThat(v6.host()).isEqualTo("[2001:db8::10]");
        assertThat(v6.port()).isEqualTo(5070);
        assertThat(v6.hostPort()).isEqualTo("[2001:db8::10]:5070");
        SipUri v6NoPort = SipUri.parse("sip:[::ffff:192.0.2.1]");
        assertThat(v6NoPort.host()).isEqualTo("[::ffff:192.0.2.1]");
        assertThat(v6NoPort.port()).isEqualTo(-1);
    }

    @Test
    void sipsWithTransport() {
        SipUri uri = SipUri.parse("sips:alice@atlanta.com;transport=tcp");
        assertThat(uri.secure()).isTrue();
        assertThat(uri.transport()).isEqualTo("tcp");
    }

    @Test
    void escapedParameterValuesAreDecoded() {
        SipUri uri = SipUri.parse("sip:x;name=a%3Bb;maddr=239.255.255.1;ttl=15;method=INVITE");
        assertThat(uri.param("name")).isEqualTo("a;b");
        assertThat(uri.maddr()).isEqualTo("239.255.255.1");
        assertThat(uri.ttl()).isEqualTo(15);
        assertThat(uri.withParam("name", "c;d").toString()).isEqualTo(
                "sip:x;name=c%3Bd;maddr=239.255.255.1;ttl=15;method=INVITE");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sip:", "sip:@host", "sip:alice@", "sip:alice@:5060", "sip:al ice@host", "sip:host:", "sip:host:65536",
        "sip:host:-1", "sip:host:5o60", "sip:[2001:db8::10", "sip:[2001:db8:::10]", "sip:[12345::1]",
        "sip:[1:2:3:4:5:6:7:8:9]", "sip:<host>", "sip:host>", "sip:a<b@host", "sip:host;;lr",
        "sip:host;x=", "sip:host?h", "sip:host?=v", "sip:%4@host", "sip:a%zz@host", "sip:host\r\n",
        "sip:a\u0001@host", "sip:256.1.1.1x", "sip:1.2.3", "sip:-host", "sip:host..com", "sip:host[",
        "sip:[::1]x", "sip:a@b@c", "sips", "http:x", "sip:host;p=a b", "sip:h:123456", "sip:h:99999",
        "sip:h:6553a", "sip:h;=v", "sip:h;a;=", "sipx:h", "si:h"
    })
    void rejectsMalformed(String text) {
        assertThatThrownBy(() -> SipUri.parse(text)).isInstanceOf(SipParseException.class);
    }

    @Test
    void errorMessagesSayWhatIsWrong() {
        assertThatThrownBy(() -> SipUri.parse("sip:alice@")).hasMessageContaining("missing host");
        assertThatThrownBy(() -> SipUri.parse("sip:x:70000")).hasMessageContaining("port");
        assertThatThrownBy(() -> SipUri.parse("sip:a b@x")).hasMessageContaining("user");
    }

    @Test
    void rfc4475UnusualButValidUris() {
        // RFC 4475 §3.1.1.2: almost every allowed character in user and password
        String wide = "sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too.(doesn't-it)@example.com";
        SipUri uri = SipUri.parse(wide);
        assertThat(uri.user()).isEqualTo("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*");
        assertThat(uri.password()).isEqualTo("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)");
        assertThat(uri.host()).isEqualTo("example.com");
        assertThat(uri.toString()).isEqualTo(wide);
        assertThat(SipUri.parse(uri.withPort(5060).withPort(-1).toString())).isEqualTo(uri);

        // RFC 4475 §3.1.1.3: escaped characters in user, decoding to another URI
        SipUri escaped = SipUri.parse("sip:sips%3Auser%40example.com@example.net");
        assertThat(escaped.userDecoded()).isEqualTo("sips:user@example.com");
        assertThat(escaped.host()).isEqualTo("example.net");

        // RFC 4475 §3.1.1.7 style: maddr holding an IPv6 reference, unknown flag parameter
        SipUri maddr = SipUri.parse("sip:user@example.com:5060;maddr=[2001:db8::10];unknownparam");
        assertThat(maddr.maddr()).isEqualTo("[2001:db8::10]");
        assertThat(maddr.param("unknownparam")).isEmpty();
    }

    @Test
    void rebuiltUriWritesCanonicalForm() {
        SipUri uri = SipUri.parse("SIP:%61lice@X.example;Foo=%62ar?Subject=%7e");
        assertThat(uri.withPort(5062).toString()).isEqualTo("sip:%61lice@X.example:5062;Foo=bar?Subject=~");
    }

    @Test
    void portRange() {
        assertThat(SipUri.parse("sip:h:0").port()).isZero();
        assertThat(SipUri.parse("sip:h:65535").port()).isEqualTo(65535);
        assertThat(SipUri.parse("sip:h:00080").port()).isEqualTo(80);
    }

    @Test
    void eachParameterEndsAtTheNextSemicolon() {
        // A flag followed by a valued parameter: the '=' of the second is not the first's.
        SipUri uri = SipUri.parse("sip:u:pw@h:5060;lr;transport=tcp;x=1?h=v");
        assertThat(uri.params()).containsExactly(entry("lr", ""), entry("transport", "tcp"), entry("x", "1"));
        assertThat(uri.password()).isEqualTo("pw");
        assertThat(uri.port()).isEqualTo(5060);
        assertThat(uri.header("h")).isEqualTo("v");
        // a ':' after the host is the port's, not a password's
        SipUri noUser = SipUri.parse("sips:h.example.com:5061;maddr=10.0.0.1");
        assertThat(noUser.user()).isNull();
        assertThat(noUser.password()).isNull();
        assertThat(noUser.port()).isEqualTo(5061);
        assertThat(noUser.maddr()).isEqualTo("10.0.0.1");
    }

    @Test
    void withersBuildNewInstancesAndEscape() {
        SipUri base = SipUri.of(false, "a b@c", "example.com", 5060);
        assertThat(base.toString()).isEqualTo("sip:a%20b%40c@example.com:5060");
        SipUri changed = base.withParam("transport", "tcp").withParam("lr", null).withHost("[::1]").withPort(-1)
                .withHeader("Replaces", "abc@h;to-tag=1").withUser("+1;isub=2");
        assertThat(changed.toString()).isEqualTo("sip:+1;isub=2@[::1];transport=tcp;lr?Replaces=abc%40h%3Bto-tag%3D1");
        assertThat(changed.withoutParam("LR").withoutHeaders().toString()).isEqualTo("sip:+1;isub=2@[::1];transport=tcp");
        assertThat(base.toString()).isEqualTo("sip:a%20b%40c@example.com:5060");
        assertThat(changed.withParam("transport", "udp").params()).containsExactly(
                entry("transport", "udp"), entry("lr", ""));
        assertThat(SipUri.of(true, null, "h", -1).withUser("u").withPassword("p:w").toString())
                .isEqualTo("sips:u:p%3Aw@h");
    }

    @Test
    void withersRejectInvalidArguments() {
        SipUri uri = SipUri.of(false, null, "h", -1);
        assertThatThrownBy(() -> uri.withHost("bad host")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> uri.withPort(70000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsedUnchangedUriPrintsOriginalText() {
        String text = "sip:%41lice;x=1@Host.example:05060;Foo=%62ar;lr?X-H=%7e";
        assertThat(SipUri.parse(text).toString()).isEqualTo(text);
    }

    @Test
    void rfc3261EquivalentUris() {
        // RFC 3261 §19.1.4 examples that match
        assertEquivalent("sip:%61lice@atlanta.com;transport=TCP", "sip:alice@AtLanTa.CoM;Transport=tcp");
        assertEquivalent("sip:carol@chicago.com", "sip:carol@chicago.com;newparam=5");
        assertEquivalent("sip:carol@chicago.com;security=on", "sip:carol@chicago.com;newparam=5");
        assertEquivalent("sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com",
                "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com");
        assertEquivalent("sip:alice@atlanta.com?subject=project%20x&priority=urgent",
                "sip:alice@atlanta.com?priority=urgent&subject=project%20x");
    }

    @Test
    void rfc3261NonEquivalentUris() {
        assertNotEquivalent("SIP:ALICE@AtLanTa.CoM;Transport=udp", "sip:alice@AtLanTa.CoM;Transport=UDP");
        assertNotEquivalent("sip:bob@biloxi.com", "sip:bob@biloxi.com:5060");
        assertNotEquivalent("sip:bob@biloxi.com", "sip:bob@biloxi.com;transport=udp");
        assertNotEquivalent("sip:bob@biloxi.com", "sip:bob@biloxi.com:6000;transport=tcp");
        assertNotEquivalent("sip:carol@chicago.com", "sip:carol@chicago.com?Subject=next%20meeting");
        assertNotEquivalent("sip:bob@phone21.boxesbybob.com", "sip:bob@192.0.2.4");
        assertNotEquivalent("sip:carol@chicago.com;security=on", "sip:carol@chicago.com;security=off");
        assertNotEquivalent("sip:alice@x", "sips:alice@x");
        assertNotEquivalent("sip:alice:a@x", "sip:alice@x");
    }

    @Test
    void javaEqualsIsNormalizedValueEquality() {
        assertThat(SipUri.parse("sip:%61lice@X.com;LR")).isEqualTo(SipUri.parse("sip:alice@x.com;lr"))
                .hasSameHashCodeAs(SipUri.parse("sip:alice@x.com;lr"));
        assertThat(SipUri.parse("sip:x;a;b")).isNotEqualTo(SipUri.parse("sip:x;b;a"));
        assertThat(SipUri.parse("sip:x;a=1")).isNotEqualTo(SipUri.parse("sip:x"));
    }

    private static void assertEquivalent(String a, String b) {
        assertThat(SipUri.parse(a).equivalentTo(SipUri.parse(b))).as(a + " ~ " + b).isTrue();
        assertThat(SipUri.parse(b).equivalentTo(SipUri.parse(a))).as(b + " ~ " + a).isTrue();
    }

    private static void assertNotEquivalent(String a, String b) {
        assertThat(SipUri.parse(a).equivalentTo(SipUri.parse(b))).as(a + " !~ " + b).isFalse();
        assertThat(SipUri.parse(b).equivalentTo(SipUri.parse(a))).as(b + " !~ " + a).isFalse();
    }
}
