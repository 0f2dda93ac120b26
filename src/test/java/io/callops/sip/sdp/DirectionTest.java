package io.callops.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DirectionTest {

    @ParameterizedTest
    @EnumSource(Direction.class)
    void attributeNameRoundTrips(Direction direction) {
        assertThat(Direction.fromAttribute(direction.attribute())).isSameAs(direction);
    }

    @Test
    void attributeNamesAreTheRfcOnes() {
        assertThat(Direction.SENDRECV.attribute()).isEqualTo("sendrecv");
        assertThat(Direction.SENDONLY.attribute()).isEqualTo("sendonly");
        assertThat(Direction.RECVONLY.attribute()).isEqualTo("recvonly");
        assertThat(Direction.INACTIVE.attribute()).isEqualTo("inactive");
    }

    @Test
    void otherAttributesAreNotDirections() {
        assertThat(Direction.fromAttribute("rtpmap:0 PCMU/8000")).isNull();
        assertThat(Direction.fromAttribute("SendOnly")).isNull();
        assertThat(Direction.fromAttribute("")).isNull();
        assertThat(Direction.fromAttribute(null)).isNull();
    }
}
