package io.connectorkit.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** What {@link RequiresLogicalReplication} does: runs, skips or fails a test by the server's {@code wal_level}. */
final class LogicalReplicationCondition implements ExecutionCondition {

    private static String walLevel;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        ConditionEvaluationResult reachable = new PostgresCondition().evaluateExecutionCondition(context);
        if (reachable.isDisabled()) {
            return reachable;
        }
        String level = walLevel();
        if ("logical".equals(level)) {
            return ConditionEvaluationResult.enabled("logical replication is on at " + TestPostgres.maskedUrl());
        }
        String why = "PostgreSQL at " + TestPostgres.maskedUrl() + " has wal_level = " + level + ", and logical "
                + "replication needs wal_level = logical (ALTER SYSTEM SET wal_level = logical, then a restart; "
                + ".ci/run does it)";
        if (TestPostgres.required()) {
            throw new AssertionError("PostgreSQL is required (CONNECTORKIT_REQUIRE_POSTGRES=true) but " + why);
        }
        return ConditionEvaluationResult.disabled(why);
    }

    private static synchronized String walLevel() {
        if (walLevel == null) {
            try (Connection connection = DriverManager.getConnection(TestPostgres.URL);
                    Statement query = connection.createStatement();
                    ResultSet row = query.executeQuery("SHOW wal_level")) {
                row.next();
                walLevel = row.getString(1);
            } catch (SQLException e) {
                walLevel = "unknown (" + e.getMessage() + ")";
            }
        }
        return walLevel;
    }
}
