package io.callops.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CompilerActivityTest {
    @Test
    void ticksAreUserPlusSystemTimeEvenWhenTheThreadNameHasSpacesAndParentheses() {
        String stat = "4242 (C2 CompilerThre) S 1 4242 4242 0 -1 4194368 1 0 0 0 1234 56 0 0 20 0 30 0 100 0 0";
        assertThat(CompilerActivity.ticks(stat)).isEqualTo(1290);
        String odd = "7 (a) b (c) R 1 7 7 0 -1 0 0 0 0 0 10 5 0 0 20 0 1 0 1 0 0";
        assertThat(CompilerActivity.ticks(odd)).isEqualTo(15);
    }

    @Test
    void onLinuxTheCompilerThreadsAreFoundAndTheirTimeOnlyGrows() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "procfs");
        long first = CompilerActivity.millis();
        assertThat(CompilerActivity.compilerThreadTicks()).isNotNegative();
        // Give the JIT something to do, then look again.
        long sum = 0;
        for (int i = 0; i < 200_000; i++) {
            sum += Integer.toString(i).hashCode();
        }
        assertThat(sum).isNotZero();
        assertThat(CompilerActivity.millis()).isGreaterThanOrEqualTo(first);
    }
}
