package io.callops.sip.header;

import io.callops.sip.SipParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class SimpleHeadersTest {

    @Test
    void cseq() {
        CSeq c = CSeq.parse(" 4711   INVITE ");
        assertThat(c.number()).isEqualTo(4711);
        assertThat(c.method()).isEqualTo("INVITE");
        assertThat(c.toString()).isEqualTo("4711 INVITE");
        assertThat(CSeq.parse("2147483647 BYE").number()).isEqualTo(2147483647L);
        assertThat(CSeq.parse("0 ACK").number()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "INVITE", "1INVITE", "2147483648 INVITE", "-1 INVITE", "1 INV ITE", "1 INVITE;x",
        "99999999999999999999999 INVITE", "1 \"INVITE\"", "a1 INVITE"})
    void cseqRejects(String value) {
        assertThatThrownBy(() -> CSeq.parse(value)).isInstanceOf(SipParseException.class).hasMessageStartingWith("CSeq");
    }

    @Test
    void replaces() {
        Replaces r = Replaces.parse("98732@sip.example.com ;from-tag=r33th4x0r;to-tag=ff87ff;early-only;x=y");
        assertThat(r.callId()).isEqualTo("98732@sip.example.com");
        assertThat(r.toTag()).isEqualTo("ff87ff");
        assertThat(r.fromTag()).isEqualTo("r33th4x0r");
        assertThat(r.earlyOnly()).isTrue();
        assertThat(r.otherParams().asMap()).containsExactly(entry("x", "y"));
        assertThat(r.toString()).isEqualTo("98732@sip.example.com;to-tag=ff87ff;from-tag=r33th4x0r;early-only;x=y");
        assertThat(new Replaces("a", "1", "2", false).toString()).isEqualTo("a;to-tag=1;from-tag=2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "abc;to-tag=1", "abc;from-tag=2", ";to-tag=1;from-tag=2", "a@;to-tag=1;from-tag=2",
        "a@b@c;to-tag=1;from-tag=2", "a b;to-tag=1;from-tag=2", "abc;to-tag=1;from-tag=2;early-only=yes",
        "abc;to-tag=\"a b\";from-tag=2"})
    void replacesRejects(String value) {
        assertThatThrownBy(() -> Replaces.parse(value)).isInstanceOf(SipParseException.class)
                .hasMessageStartingWith("Replaces");
    }

    @Test
    void referToWithEmbeddedReplaces() {
        ReferTo r = ReferTo.parse("<sip:bob@biloxi.example.com?Replaces=abc%40h%3Bto-tag%3D1%3Bfrom-tag%3D2>");
        Replaces embedded = r.embeddedReplaces();
        assertThat(embedded).isEqualTo(new Replaces("abc@h", "1", "2", false));
        assertThat(r.targetWithoutHeaders().toString()).isEqualTo("sip:bob@biloxi.example.com");
        assertThat(r.toString()).isEqualTo("<sip:bob@biloxi.example.com?Replaces=abc%40h%3Bto-tag%3D1%3Bfrom-tag%3D2>");
        assertThat(ReferTo.parse("sip:carol@x").embeddedReplaces()).isNull();
        assertThat(ReferTo.parse("<tel:+1-555-0100>").targetWithoutHeaders().toString()).isEqualTo("tel:+1-555-0100");
        assertThatThrownBy(() -> ReferTo.parse("<sip:b@h?Replaces=abc>").embeddedReplaces())
                .isInstanceOf(SipParseException.class);
    }

    @Test
    void event() {
        EventHeader e = EventHeader.parse("refer;id=93809824");
        assertThat(e.eventPackage()).isEqualTo("refer");
        assertThat(e.id()).isEqualTo("93809824");
        assertThat(e.param("ID")).isEqualTo("93809824");
        assertThat(e.toString()).isEqualTo("refer;id=93809824");
        EventHeader p = EventHeader.parse(" presence.winfo ; foo=bar ");
        assertThat(p.id()).isNull();
        assertThat(p.param("foo")).isEqualTo("bar");
        assertThat(e.matches(EventHeader.parse("REFER;id=93809824"))).isTrue();
        assertThat(e.matches(EventHeader.parse("refer"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ";id=1", "refer;id", "refer;id=", ".refer", "re fer", "refer,dialog"})
    void eventRejects(String value) {
        assertThatThrownBy(() -> EventHeader.parse(value)).isInstanceOf(SipParseException.class)
                .hasMessageStartingWith("Event");
    }

    @Test
    void subscriptionState() {
        SubscriptionState s = SubscriptionState.parse("terminated;reason=noresource;retry-after=30;x");
        assertThat(s.state()).isEqualTo("terminated");
        assertThat(s.isTerminated()).isTrue();
        assertThat(s.reason()).isEqualTo("noresource");
        assertThat(s.retryAfter()).isEqualTo(30);
        assertThat(s.expires()).isEqualTo(-1);
        assertThat(s.params().has("x")).isTrue();
        assertThat(s.toString()).isEqualTo("terminated;reason=noresource;retry-after=30;x");
        SubscriptionState a = SubscriptionState.parse("active ; expires = 600");
        assertThat(a.isActive()).isTrue();
        assertThat(a.expires()).isEqualTo(600);
        assertThat(a.reason()).isNull();
        assertThat(a.toString()).isEqualTo("active;expires=600");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "active;expires=abc", "active;expires", "active;expires=99999999999", "active pending",
        "terminated;reason=\"no resource\""})
    void subscriptionStateRejects(String value) {
        assertThatThrownBy(() -> SubscriptionState.parse(value)).isInstanceOf(SipParseException.class)
                .hasMessageStartingWith("Subscription-State");
    }

    @Test
    void tokenLists() {
        assertThat(TokenList.parse("INVITE, ACK,BYE ,  REFER")).containsExactly("INVITE", "ACK", "BYE", "REFER");
        assertThat(TokenList.parse("  ")).isEmpty();
        assertThatThrownBy(() -> TokenList.parse("a,,b")).isInstanceOf(SipParseException.class);
        assertThatThrownBy(() -> TokenList.parse("100rel, time r", "Supported"))
                .isInstanceOf(SipParseException.class).hasMessageStartingWith("Supported");
        assertThatThrownBy(() -> TokenList.parse("a;b")).isInstanceOf(SipParseException.class);
    }

    @Test
    void retryAfter() {
        RetryAfter r = RetryAfter.parse("18000 (I'm in a (long) meeting);duration=3600");
        assertThat(r.seconds()).isEqualTo(18000);
        assertThat(r.comment()).isEqualTo("I'm in a (long) meeting");
        assertThat(r.duration()).isEqualTo(3600);
        assertThat(r.toString()).isEqualTo("18000 (I'm in a (long) meeting);duration=3600");
        RetryAfter plain = RetryAfter.parse("120");
        assertThat(plain.comment()).isNull();
        assertThat(plain.duration()).isEqualTo(-1);
        for (String bad : List.of("", "abc", "10 (unclosed", "10;duration=x", "10 junk", "-5")) {
            assertThatThrownBy(() -> RetryAfter.parse(bad)).as(bad).isInstanceOf(SipParseException.class);
        }
    }

    @Test
    void contentType() {
        ContentType t = ContentType.parse("Multipart/Mixed ; boundary=\"unique boundary 1\"; charset=utf-8");
        assertThat(t.mediaType()).isEqualTo("multipart/mixed");
        assertThat(t.param("BOUNDARY")).isEqualTo("unique boundary 1");
        assertThat(t.toString()).isEqualTo("Multipart/Mixed;boundary=\"unique boundary 1\";charset=utf-8");
        assertThat(ContentType.parse("application/sdp").params().isEmpty()).isTrue();
        for (String bad : List.of("", "application", "application/", "/sdp", "application/sdp;charset", "a/b c")) {
            assertThatThrownBy(() -> ContentType.parse(bad)).as(bad).isInstanceOf(SipParseException.class);
        }
    }

    @Test
    void numbers() {
        assertThat(Numbers.parseUnsignedInt(" 70 ", "Max-Forwards", 255)).isEqualTo(70);
        assertThat(Numbers.parseUnsignedInt("4294967295", "Expires", Numbers.MAX_DELTA_SECONDS)).isEqualTo(4294967295L);
        assertThat(Numbers.parseUnsignedInt("000000000000000000000042", "Content-Length", Integer.MAX_VALUE)).isEqualTo(42);
        assertThatThrownBy(() -> Numbers.parseUnsignedInt("256", "Max-Forwards", 255))
                .isInstanceOf(SipParseException.class).hasMessageStartingWith("Max-Forwards");
        for (String bad : List.of("", " ", "+1", "-1", "1 2", "0x10", "99999999999999999999999", "١")) {
            assertThatThrownBy(() -> Numbers.parseUnsignedInt(bad, "Expires", Numbers.MAX_DELTA_SECONDS))
                    .as(bad).isInstanceOf(SipParseException.class).hasMessageStartingWith("Expires");
        }
    }

    @Test
    void splitCommas() {
        assertThat(HeaderValues.splitCommas(" a , \"b,\\\"c\" , <d,e>;x=1 ")).containsExactly("a", "\"b,\\\"c\"", "<d,e>;x=1");
        for (String bad : List.of("", "a,", ",a", "a,,b", "\"a", "<a", " , ")) {
            assertThatThrownBy(() -> HeaderValues.splitCommas(bad)).as(bad).isInstanceOf(SipParseException.class);
        }
    }

    @Test
    void params() {
        Params p = Params.empty().with("a", "1").with("Flag", null).with("q", "needs quoting");
        assertThat(p.toString()).isEqualTo(";a=1;Flag;q=\"needs quoting\"");
        assertThat(p.get("FLAG")).isEmpty();
        assertThat(p.get("missing")).isNull();
        assertThat(p.without("A").toString()).isEqualTo(";Flag;q=\"needs quoting\"");
        assertThat(p.with("A", "2").asMap()).containsExactly(entry("A", "2"), entry("Flag", ""), entry("q", "needs quoting"));
    }
}
