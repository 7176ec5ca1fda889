package io.connectorkit.samples.jdbc;

import io.connectorkit.api.configuration.UrlPasswords;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * jdbc-input on PostgreSQL at {@code CONNECTORKIT_TEST_POSTGRES_URL} (default {@value #DEFAULT_URL}). Skipped when
 * no server answers, unless {@code CONNECTORKIT_REQUIRE_POSTGRES=true} (as in CI), which makes it fail instead.
 */
class PostgresJdbcInputTest extends JdbcInputContract {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private static String url;

    @BeforeAll
    static void connect() {
        String candidate = System.getenv().getOrDefault("CONNECTORKIT_TEST_POSTGRES_URL", DEFAULT_URL);
        String masked = UrlPasswords.mask(candidate);
        try (Connection c = DriverManager.getConnection(candidate)) {
            c.isValid(5);
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CONNECTORKIT_REQUIRE_POSTGRES"))) {
                throw new AssertionError("PostgreSQL is required (CONNECTORKIT_REQUIRE_POSTGRES=true) but "
                        + masked + " is not reachable: " + e.getMessage(), e);
            }
            Assumptions.assumeTrue(false, "PostgreSQL not reachable at " + masked + " (" + e.getMessage()
                    + "); set CONNECTORKIT_TEST_POSTGRES_URL to test against it");
        }
        url = candidate;
    }

    @Override
    Map<String, String> connection() {
        Map<String, String> config = new HashMap<>();
        config.put("configuration.url", url); // user and password, if any, are in the URL
        return config;
    }

    @Override
    Connection admin() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** Only a server that checks passwords can refuse one: with trust authentication the test cannot run. */
    @Override
    Map<String, String> connectionWithWrongPassword(String wrongPassword) {
        Properties properties = new Properties();
        properties.setProperty("password", wrongPassword);
        try (Connection accepted = DriverManager.getConnection(url, properties)) {
            Assumptions.abort("PostgreSQL at " + UrlPasswords.mask(url) + " accepted a wrong password (trust "
                    + "authentication), so a refused password cannot be tested on it");
        } catch (SQLException refused) {
            // what the test needs
        }
        Map<String, String> config = connection();
        config.put("configuration.password", wrongPassword);
        return config;
    }
}
