package io.camelenos.app;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Runs a test class only where PostgreSQL answers; under CI=true it always runs, so a missing server fails the build
 * instead of skipping the tests. The skip is printed, so it is never silent.
 */
public class PostgresqlAvailable implements ExecutionCondition {

    public static String url() {
        String url = System.getenv("CAMEL_ENOS_TEST_PG_URL");
        return url != null ? url : "jdbc:postgresql://127.0.0.1:5432/test";
    }

    public static String user() {
        String user = System.getenv("CAMEL_ENOS_TEST_PG_USER");
        return user != null ? user : "postgres";
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("CI=true: PostgreSQL tests always run");
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url());
        pg.setUser(user());
        pg.setLoginTimeout(3);
        try (Connection ignored = pg.getConnection()) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers at " + url());
        } catch (SQLException e) {
            String reason = "SKIPPED: no PostgreSQL at " + url() + " as " + user() + " (" + e.getMessage()
                            + "); start one, or set CAMEL_ENOS_TEST_PG_URL. Under CI=true these tests run and fail.";
            System.err.println("[camel-enos] " + context.getDisplayName() + " " + reason);
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
