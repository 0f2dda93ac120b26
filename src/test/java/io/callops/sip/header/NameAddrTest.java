package io.callops.sip.header;

import io.callops.sip.SipParseException;
import io.callops.sip.uri.SipUri;
import io.callops.sip.uri.TelUri;
import io.callops.sip.uri.Uri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NameAddrTest {

    @Test
    void quotedDisplayNameWithEscapes() {
        NameAddr a = NameAddr.parse("\"Bob \\\"B\\\" \\\\ Smith\" <sip:bob@x>;tag=1");
        assertThat(a.displayName()).isEqualTo("Bob \"B\" \\ Smith");
        assertThat(a.uri()).isEqualTo(Uri.parse("sip:bob@x"));
        assertThat(a.tag()).isEqualTo("1");
        assertThat(a.toString()).isEqualTo("\"Bob \\\"B\\\" \\\\ Smith\" <sip:bob@x>;tag=1");
    }

    @Test
    void tokenDisplayName() {
        NameAddr a = NameAddr.parse("Bob   Smith<sip:bob@biloxi.com>");
        assertThat(a.displayName()).isEqualTo("Bob Smith");
        assertThat(a.toString()).isEqualTo("Bob Smith <sip:bob@biloxi.com>");
    }

    @Test
    void noDisplayName() {
        NameAddr a = NameAddr.parse("<sip:bob@biloxi.com;transport=tcp>;expires=60;q=0.7");
        assertThat(a.displayName()).isNull();
        assertThat(((SipUri) a.uri()).transport()).isEqualTo("tcp");
        assertThat(a.expires()).isEqualTo(60);
        assertThat(a.q()).isEqualTo(0.7);
        assertThat(a.toString()).isEqualTo("<sip:bob@biloxi.com;transport=tcp>;expires=60;q=0.7");
    }

    @Test
    void addrSpecParamsBelongToTheHeader() {
        NameAddr a = NameAddr.parse("sip:bob@x;tag=1;lr");
        assertThat(a.uri().toString()).isEqualTo("sip:bob@x");
        assertThat(((SipUri) a.uri()).params()).isEmpty();
        assertThat(a.tag()).isEqualTo("1");
        assertThat(a.param("lr")).isEmpty();
        assertThat(a.toString()).isEqualTo("sip:bob@x;tag=1;lr");
        assertThat(a.expires()).isEqualTo(-1);
        assertThat(a.q()).isEqualTo(-1);
    }

    @Test
    void addrSpecWithQuestionMarkIsRejected() {
        assertThatThrownBy(() -> NameAddr.parse("sip:bob@x?h=v")).isInstanceOf(SipParseException.class);
    }

    @Test
    void telAndOtherSchemes() {
        NameAddr tel = NameAddr.parse("<tel:+1-212-555-0100>;tag=9");
        assertThat(tel.uri()).isInstanceOf(TelUri.class);
        NameAddr other = NameAddr.parse("\"Web\" <http://example.com/a;b>");
        assertThat(other.toString()).isEqualTo("Web <http://example.com/a;b>");
    }

    @Test
    void withersKeepTheRestAndSwitchToBracketsWhenNeeded() {
        NameAddr a = NameAddr.parse("sip:bob@x");
        assertThat(a.withTag("abc").toString()).isEqualTo("sip:bob@x;tag=abc");
        assertThat(a.withUri(SipUri.parse("sip:bob@x;lr")).toString()).isEqualTo("<sip:bob@x;lr>");
        assertThat(a.withDisplayName("Bob, Jr.").toString()).isEqualTo("\"Bob, Jr.\" <sip:bob@x>");
        NameAddr tagged = a.withParam("x", "has space").withTag("t1").withTag("t2");
        assertThat(tagged.toString()).isEqualTo("sip:bob@x;x=\"has space\";tag=t2");
        assertThat(tagged.withoutParam("X").toString()).isEqualTo("sip:bob@x;tag=t2");
        assertThat(NameAddr.parse("<sip:+1;isub=2@x>").toString()).isEqualTo("<sip:+1;isub=2@x>");
    }

    @Test
    void parseAllRespectsQuotesAndBrackets() {
        var list = NameAddr.parseAll("\"Smith, Bob\" <sip:bob@x>;q=1, <http://a/b,c?d>;x=1,sip:c@d");
        assertThat(list).hasSize(3);
        assertThat(list.get(0).displayName()).isEqualTo("Smith, Bob");
        assertThat(list.get(1).uri().toString()).isEqualTo("http://a/b,c?d");
        assertThat(list.get(1).param("x")).isEqualTo("1");
        assertThat(list.get(2).uri().toString()).isEqualTo("sip:c@d");
    }

    @Test
    void emptyQuotedDisplayNameIsKept() {
        NameAddr a = NameAddr.parse("\"\" <sip:x>");
        assertThat(a.displayName()).isEmpty();
        assertThat(a.toString()).isEqualTo("\"\" <sip:x>");
    }

    @Test
    void utf8DisplayNameIsQuotedOnOutput() {
        NameAddr a = NameAddr.parse("\"José\" <sip:jose@x>");
        assertThat(a.displayName()).isEqualTo("José");
        assertThat(a.toString()).isEqualTo("\"José\" <sip:jose@x>");
    }

    @Test
    void equalityIsByValue() {
        assertThat(NameAddr.parse("Bob <sip:bob@x>;Tag=1")).isEqualTo(NameAddr.parse("\"Bob\"<sip:bob@X>;tag=1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bob", "\"Bob <sip:x>", "<sip:x", "Bob sip:x", "<sip:x>;", "<sip:x> junk",
        "\"Bob\" sip:x", "<>", "<sip:>", "<notauri>", "Bob <sip:x> <sip:y>", "<sip:x>;tag=\"a", "sip:x,y"})
    void rejectsMalformed(String value) {
        assertThatThrownBy(() -> NameAddr.parse(value)).isInstanceOf(SipParseException.class);
    }
}
