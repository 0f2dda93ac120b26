package io.callops.sip.header;

import io.callops.sip.SipParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactHeaderTest {

    @Test
    void wildcard() {
        ContactHeader h = ContactHeader.parse("  * ");
        assertThat(h.wildcard()).isTrue();
        assertThat(h.contacts()).isEmpty();
        assertThat(h.toString()).isEqualTo("*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*;q=0.5", "*;expires=0", "*, <sip:a@b>", "<sip:a@b>, *", "**", "", " , "})
    void wildcardMustStandAloneWithoutParams(String value) {
        assertThatThrownBy(() -> ContactHeader.parse(value)).isInstanceOf(SipParseException.class);
    }

    @Test
    void multipleContactsWithCommasInDisplayNames() {
        ContactHeader h = ContactHeader.parse(
                "\"Mr. Watson, Jr.\" <sip:watson@worcester.bell-telephone.com>;q=0.7;expires=3600, "
                        + "\"Mr. Watson\" <mailto:watson@bell-telephone.com>;q=0.1");
        assertThat(h.wildcard()).isFalse();
        assertThat(h.contacts()).hasSize(2);
        assertThat(h.contacts().get(0).displayName()).isEqualTo("Mr. Watson, Jr.");
        assertThat(h.contacts().get(0).q()).isEqualTo(0.7);
        assertThat(h.contacts().get(0).expires()).isEqualTo(3600);
        assertThat(h.contacts().get(1).q()).isEqualTo(0.1);
        assertThat(h.toString()).isEqualTo("\"Mr. Watson, Jr.\" <sip:watson@worcester.bell-telephone.com>;q=0.7;expires=3600, "
                + "Mr. Watson <mailto:watson@bell-telephone.com>;q=0.1");
    }

    @Test
    void errorsNameContact() {
        assertThatThrownBy(() -> ContactHeader.parse("<sip:>")).hasMessageStartingWith("Contact:");
    }
}
