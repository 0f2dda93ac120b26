package io.callops.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Guards tests that drive baresip: skipped when it is not installed, unless
 * {@code CALLOPS_REQUIRE_BARESIP} is {@code 1}/{@code true} (set by {@code scripts/test.sh}),
 * in which case they run and fail with a clear message.
 */
public final class BaresipAvailable implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Baresip.binary().isPresent()) return ConditionEvaluationResult.enabled("baresip found");
        String required = System.getenv("CALLOPS_REQUIRE_BARESIP");
        if ("1".equals(required) || "true".equalsIgnoreCase(required)) {
            return ConditionEvaluationResult.enabled("baresip missing but CALLOPS_REQUIRE_BARESIP is set");
        }
        return ConditionEvaluationResult.disabled("baresip not installed (package baresip-core)");
    }
}
