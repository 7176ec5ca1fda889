package io.connectorkit.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** What {@link RequiresPostgres} does: runs, skips or fails a test by whether {@link TestPostgres} answers. */
final class PostgresCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String why = TestPostgres.unreachable();
        if (why == null) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers at " + TestPostgres.maskedUrl());
        }
        if (TestPostgres.required()) {
            // Thrown from a condition, this fails the test or class rather than skipping it.
            throw new AssertionError("PostgreSQL is required (CONNECTORKIT_REQUIRE_POSTGRES=true) but "
                    + TestPostgres.maskedUrl() + " is not reachable: " + why);
        }
        return ConditionEvaluationResult.disabled("PostgreSQL is not reachable at " + TestPostgres.maskedUrl() + " ("
                + why + "); set CONNECTORKIT_TEST_POSTGRES_URL to test against it, and "
                + "CONNECTORKIT_REQUIRE_POSTGRES=true to make this a failure");
    }
}
