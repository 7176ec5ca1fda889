package io.connectorkit.samples.jdbc;

import io.connectorkit.api.configuration.UrlPasswords;
import io.connectorkit.testsupport.RequiresPostgres;
import io.connectorkit.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;

/** jdbc-input's key ranges on the PostgreSQL server of {@link TestPostgres}. */
@RequiresPostgres
class PostgresJdbcInputSplitTest extends JdbcInputSplitContract {

    /** A password the test gives as the credential: a trust server accepts it without checking. */
    private static final String SENTINEL_PASSWORD = "Pg-split-sentinel-4b9d";

    @Override
    Map<String, String> connection() {
        Map<String, String> config = new HashMap<>();
        config.put("configuration.url", TestPostgres.URL); // user and password, if any, are in the URL
        return config;
    }

    @Override
    Connection admin() throws SQLException {
        return DriverManager.getConnection(TestPostgres.URL);
    }

    /**
     * The server's own password is in the URL (not a credential), so the test gives a sentinel one as
     * {@code configuration.password}: only a server that accepts it (trust authentication) can run the test.
     */
    @Override
    Map<String, String> connectionWithCredential() {
        Properties properties = new Properties();
        properties.setProperty("password", SENTINEL_PASSWORD);
        try (Connection accepted = DriverManager.getConnection(TestPostgres.URL, properties)) {
            // what the test needs
        } catch (SQLException refused) {
            Assumptions.abort("PostgreSQL at " + UrlPasswords.mask(TestPostgres.URL) + " refused the sentinel "
                    + "password, so a credential that is in no other option cannot be tested on it");
        }
        Map<String, String> config = connection();
        config.put("configuration.password", SENTINEL_PASSWORD);
        return config;
    }
}
