package io.callops.testsupport;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Guards tests that need the {@code sipp} binary. Use on classes tagged {@code @Tag("sipp")}:
 *
 * <pre>{@code
 * @Tag("sipp")
 * @ExtendWith(SippAvailable.class)
 * class CallThroughProxyTest { ... }
 * }</pre>
 *
 * or call {@link #assumeSipp()} in a test. Without SIPp the tests are skipped, unless the
 * environment variable {@code CALLOPS_REQUIRE_SIPP} is {@code true}/{@code 1} (set by
 * {@code scripts/test.sh}), in which case they fail instead of silently passing.
 */
public final class SippAvailable implements ExecutionCondition {

    static final String REQUIRE_ENV = "CALLOPS_REQUIRE_SIPP";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Path> bin = Sipp.binary();
        if (bin.isPresent()) {
            return ConditionEvaluationResult.enabled("sipp found at " + bin.get());
        }
        if (required()) {
            // Let the test run: Sipp.start() then fails with a clear message.
            return ConditionEvaluationResult.enabled("sipp missing but " + REQUIRE_ENV + " is set");
        }
        return ConditionEvaluationResult.disabled("sipp not installed (install sip-tester or set SIPP_BIN)");
    }

    /** JUnit assumption: skips the calling test when SIPp is missing (fails if it is required). */
    public static Path assumeSipp() {
        Optional<Path> bin = Sipp.binary();
        if (bin.isEmpty() && required()) {
            throw new AssertionError("sipp is required (" + REQUIRE_ENV + ") but was not found");
        }
        Assumptions.assumeTrue(bin.isPresent(), "sipp not installed (install sip-tester or set SIPP_BIN)");
        return bin.get();
    }

    static boolean required() {
        String v = System.getenv(REQUIRE_ENV);
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
    }
}
