package io.callops.ops.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.callops.api.MiError;
import io.callops.api.MiParams;
import io.callops.dialog.LegRole;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code headers} parameter of hold and unhold. */
class HoldHeadersTest {

    private static HoldHeaders parse(Object headers) {
        return HoldHeaders.from(MiParams.named(Map.of("callid", "c", "leg", "both", "headers", headers)));
    }

    private static List<String> texts(List<String[]> headers) {
        return headers.stream().map(h -> h[0] + ": " + h[1]).toList();
    }

    @Test
    void oneStringGoesToBothLegsWithLiteralLineBreaksUnderstood() {
        HoldHeaders h = parse("X-Hold: yes\\r\\nX-Reason: ops\\r\\n");

        assertThat(texts(h.forLeg(LegRole.CALLER))).containsExactly("X-Hold: yes", "X-Reason: ops");
        assertThat(texts(h.forLeg(LegRole.CALLEE))).containsExactly("X-Hold: yes", "X-Reason: ops");
    }

    @Test
    void anArrayGivesEachLegItsOwn() {
        HoldHeaders h = parse(Arrays.asList("X-Side: caller\r\n", null));

        assertThat(texts(h.forLeg(LegRole.CALLER))).containsExactly("X-Side: caller");
        assertThat(h.forLeg(LegRole.CALLEE)).isEmpty();
        assertThat(HoldHeaders.from(MiParams.named(Map.of("callid", "c")))).isSameAs(HoldHeaders.NONE);
    }

    @Test
    void badHeadersAreParameterErrorsNamingHeaders() {
        for (Object bad : List.of("no colon here", List.of("X-A: 1"), List.of("X-A: 1", 2), 5,
                "CSeq: 99 INVITE", "l: 0")) {
            MiError e = catchThrowableOfType(() -> parse(bad), MiError.class);
            assertThat(e).as("%s", bad).isNotNull();
            assertThat(e.code()).isEqualTo(MiError.INVALID_PARAMS);
            assertThat(e.data()).contains("'headers'");
        }
    }
}
