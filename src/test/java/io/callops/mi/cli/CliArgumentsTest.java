package io.callops.mi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How {@code mi METHOD ARGS...} becomes JSON-RPC params: the opensips-cli convention. */
class CliArgumentsTest {

    @Test
    void noArgumentsIsAnEmptyNamedSet() {
        assertThat(OpensipsCliParams.of("version", List.of())).isEqualTo(Map.of());
    }

    @Test
    void allNameValueIsNamedWithTheValueAfterTheFirstEquals() {
        assertThat(OpensipsCliParams.of("call_transfer", List.of("callid=a=b", "leg=callee", "destination=")))
                .isEqualTo(Map.of("callid", "a=b", "leg", "callee", "destination", ""));
        assertThat(OpensipsCliParams.of("x", List.of("dotted.name-and_under=1"))).isEqualTo(Map.of("dotted.name-and_under", "1"));
    }

    @Test
    void anyOtherWordMakesEverythingPositional() {
        assertThat(OpensipsCliParams.of("call_transfer", List.of("callid=abc", "callee")))
                .isEqualTo(List.of("callid=abc", "callee"));
        // Names with digits are not names for opensips-cli either.
        assertThat(OpensipsCliParams.of("x", List.of("leg2=caller"))).isEqualTo(List.of("leg2=caller"));
        assertThat(OpensipsCliParams.of("x", List.of("=v"))).isEqualTo(List.of("=v"));
    }

    @Test
    void numbersStayStrings() {
        assertThat(OpensipsCliParams.of("x", List.of("42", "-1", "007", "1e3"))).isEqualTo(List.of("42", "-1", "007", "1e3"));
        assertThat(OpensipsCliParams.of("x", List.of("expire=3600"))).isEqualTo(Map.of("expire", "3600"));
    }

    @Test
    void getStatisticsTakesAList() {
        assertThat(OpensipsCliParams.of("get_statistics", List.of("core:", "tm:"))).isEqualTo(List.of(List.of("core:", "tm:")));
        assertThat(OpensipsCliParams.of("get_statistics", List.of("statistics=core:  'tm:timeouts' \"mi:\"")))
                .isEqualTo(Map.of("statistics", List.of("core:", "tm:timeouts", "mi:")));
        assertThat(OpensipsCliParams.of("get_statistics", List.of("statistics="))).isEqualTo(Map.of("statistics", List.of()));
    }

    @Test
    void raiseEventTakesTheParamsFromTheSecondWordOnAsOneList() {
        assertThat(OpensipsCliParams.of("raise_event", List.of("E_TEST", "a", "b"))).isEqualTo(List.of("E_TEST", List.of("a", "b")));
        assertThat(OpensipsCliParams.of("raise_event", List.of("E_TEST"))).isEqualTo(List.of("E_TEST"));
    }

    @Test
    void shellWordsFollowPosixQuoting() {
        assertThat(ShellWords.split("  a  'b c' \"d \\\" e\" f\\ g ''  h\\\\ \"\\n\"")).containsExactly("a", "b c", "d \" e", "f g", "", "h\\", "\\n");
        assertThat(ShellWords.split("")).isEmpty();
        assertThat(ShellWords.split("x'y'\"z\"")).containsExactly("xyz");
        assertThatThrownBy(() -> ShellWords.split("'open")).hasMessageContaining("no closing quotation");
        assertThatThrownBy(() -> ShellWords.split("\"open")).hasMessageContaining("no closing quotation");
        assertThatThrownBy(() -> ShellWords.split("end\\")).hasMessageContaining("backslash");
    }
}
