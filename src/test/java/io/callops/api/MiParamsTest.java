package io.callops.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class MiParamsTest {
    private static final List<List<String>> SETS = List.of(List.of(), List.of("callid"), List.of("callid", "leg"));

    private static void invalid(ThrowingCallable call, String dataPart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MiError.class, e -> {
            assertThat(e.code()).isEqualTo(-32602);
            assertThat(e.message()).isEqualTo("Invalid params");
            assertThat(e.data()).contains(dataPart);
        });
    }

    @Test
    void namedParamsMatchASetExactly() {
        MiParams p = MiParams.bind(SETS, Map.of("leg", "caller", "callid", "abc"));
        assertThat(p.string("callid")).isEqualTo("abc");
        assertThat(p.optionalString("leg")).contains("caller");
        assertThat(p.positional()).isFalse();
        assertThat(MiParams.bind(SETS, null).names()).isEmpty();
    }

    @Test
    void namedMismatchNamesTheParameter() {
        invalid(() -> MiParams.bind(SETS, Map.of("callid", "a", "bogus", 1)), "Unexpected parameter 'bogus'");
        invalid(() -> MiParams.bind(List.of(List.of("a", "b")), Map.of("a", 1)), "Missing parameter 'b'");
    }

    @Test
    void positionalParamsTakeTheNamesOfTheSetOfTheirCount() {
        MiParams p = MiParams.bind(SETS, List.of("abc", "callee"));
        assertThat(p.positional()).isTrue();
        assertThat(p.string("leg")).isEqualTo("callee");
        invalid(() -> MiParams.bind(SETS, List.of(1, 2, 3)), "Unexpected parameter at position 3");
        invalid(() -> MiParams.bind(List.of(List.of("a", "b")), List.of(1)), "Missing parameter 'b'");
        invalid(() -> MiParams.bind(List.of(List.of("a"), List.of("b")), List.of(1)), "Ambiguous call");
        invalid(() -> MiParams.bind(SETS, "text"), "params");
    }

    @Test
    void typedAccessorsNameTheParameter() {
        MiParams p = MiParams.named(Map.of("n", 42, "s", "7", "x", "no", "b", true, "l", List.of("a", "b"), "num", 3));
        assertThat(p.integer("n")).isEqualTo(42);
        assertThat(p.integer("s")).isEqualTo(7);
        assertThat(p.string("num")).isEqualTo("3");
        assertThat(p.strings("l")).containsExactly("a", "b");
        assertThat(p.strings("s")).containsExactly("7");
        invalid(() -> p.integer("x"), "'x'");
        invalid(() -> p.integer("missing"), "'missing'");
        invalid(() -> p.string("b"), "Bad type for parameter 'b'");
        invalid(() -> p.string("missing"), "Missing parameter 'missing'");
        invalid(() -> MiParams.named(Map.of("l", List.of(1))).strings("l"), "'l'");
        assertThat(p.optionalString("missing")).isEmpty();
    }

    @Test
    void registryFindsByNameAndAliasAndRefusesDuplicates() {
        CommandRegistry r = new CommandRegistry();
        MiCommand c = new MiCommand("dlg_list", List.of("dialog:list"), "dialogs", List.of(List.of()),
                p -> CompletableFuture.completedFuture("x"));
        r.register(c);
        r.register(MiCommand.of("a_first", "first", p -> CompletableFuture.completedFuture(1)));
        assertThat(r.lookup("dlg_list")).contains(c);
        assertThat(r.lookup("dialog:list")).contains(c);
        assertThat(r.lookup("nope")).isEmpty();
        assertThat(r.list()).extracting(MiCommand::name).containsExactly("a_first", "dlg_list");
        assertThatThrownBy(() -> r.register(MiCommand.of("dialog:list", "dup", p -> null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dialog:list");
        assertThatThrownBy(() -> new MiCommand("x", List.of(), "d", List.of(List.of("a"), List.of("a")), p -> null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
