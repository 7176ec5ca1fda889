package io.connectorkit.testsupport;

import io.connectorkit.api.configuration.UrlPasswords;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The PostgreSQL server tests may use: {@code CONNECTORKIT_TEST_POSTGRES_URL}, by default {@value #DEFAULT_URL}. A
 * test that needs it is annotated {@link RequiresPostgres}, which skips it when the server does not answer, or fails
 * it when {@code CONNECTORKIT_REQUIRE_POSTGRES=true} (CI sets it). The PostgreSQL driver must be on the test class
 * path.
 */
public final class TestPostgres {

    /** The server tried when {@code CONNECTORKIT_TEST_POSTGRES_URL} is not set. */
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    /** The JDBC URL of the server, user and password (if any) included. */
    public static final String URL = System.getenv().getOrDefault("CONNECTORKIT_TEST_POSTGRES_URL", DEFAULT_URL);

    /** Why the server did not answer, {@code ""} when it did, {@code null} before the first probe. */
    private static String unreachable;

    private TestPostgres() {
    }

    /** Whether {@code CONNECTORKIT_REQUIRE_POSTGRES=true}: then a server that does not answer fails the tests. */
    static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CONNECTORKIT_REQUIRE_POSTGRES"));
    }

    /** {@link #URL} with its password masked, for messages. */
    static String maskedUrl() {
        return UrlPasswords.mask(URL);
    }

    /**
     * Why the server does not answer, or {@code null} when it does. Probed once per JVM, waiting 3 s at most: a
     * server that answered once is taken to stay up for the run.
     */
    static synchronized String unreachable() {
        if (unreachable == null) {
            unreachable = probe();
        }
        return unreachable.isEmpty() ? null : unreachable;
    }

    private static String probe() {
        try (Connection c = DriverManager.getConnection(URL + (URL.contains("?") ? "&" : "?")
                + "connectTimeout=3&loginTimeout=3")) {
            return c.isValid(3) ? "" : "the connection is not valid";
        } catch (SQLException e) {
            return String.valueOf(e.getMessage());
        }
    }
}
