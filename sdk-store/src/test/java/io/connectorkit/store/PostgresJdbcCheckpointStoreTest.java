package io.connectorkit.store;

import io.connectorkit.api.configuration.UrlPasswords;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The JDBC store on PostgreSQL, at {@code CONNECTORKIT_TEST_POSTGRES_URL} (default
 * {@value #DEFAULT_URL}). Skipped when no server is reachable, unless {@code CONNECTORKIT_REQUIRE_POSTGRES=true}
 * (as in CI), which makes it fail instead.
 */
class PostgresJdbcCheckpointStoreTest extends JdbcCheckpointStoreContract {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private static UrlDataSource dataSource;

    @BeforeAll
    static void connect() {
        String url = System.getenv().getOrDefault("CONNECTORKIT_TEST_POSTGRES_URL", DEFAULT_URL);
        UrlDataSource candidate = new UrlDataSource(url);
        String masked = UrlPasswords.mask(url);
        try (Connection c = candidate.getConnection()) {
            c.isValid(5);
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CONNECTORKIT_REQUIRE_POSTGRES"))) {
                throw new AssertionError("PostgreSQL is required (CONNECTORKIT_REQUIRE_POSTGRES=true) but "
                        + masked + " is not reachable: " + e.getMessage(), e);
            }
            Assumptions.assumeTrue(false, "PostgreSQL not reachable at " + masked + " (" + e.getMessage()
                    + "); set CONNECTORKIT_TEST_POSTGRES_URL to test against it");
        }
        dataSource = candidate;
    }

    @Override
    UrlDataSource dataSource() {
        return dataSource;
    }
}
