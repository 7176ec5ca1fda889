package io.connectorkit.runner;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the tests may use: {@code CONNECTORKIT_TEST_POSTGRES_URL}, by default the local one. Tests
 * that need it are skipped when it does not answer, unless {@code CONNECTORKIT_REQUIRE_POSTGRES=true} (CI sets it),
 * which makes that a failure.
 */
public final class Postgres {

    public static final String URL = System.getenv().getOrDefault("CONNECTORKIT_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private Postgres() {
    }

    /** The URL, once a connection to it succeeded; otherwise the calling test is skipped or fails. */
    public static String url() {
        try (Connection c = DriverManager.getConnection(URL + (URL.contains("?") ? "&" : "?")
                + "connectTimeout=3&loginTimeout=3")) {
            return c.isValid(3) ? URL : unreachable("the connection is not valid");
        } catch (SQLException e) {
            return unreachable(e.getMessage());
        }
    }

    private static String unreachable(String why) {
        if ("true".equals(System.getenv("CONNECTORKIT_REQUIRE_POSTGRES"))) {
            throw new AssertionError("CONNECTORKIT_REQUIRE_POSTGRES=true but " + URL + " is not reachable: " + why);
        }
        Assumptions.abort("PostgreSQL is not reachable at " + URL + " (" + why
                + "); set CONNECTORKIT_REQUIRE_POSTGRES=true to make this a failure");
        return null;
    }
}
