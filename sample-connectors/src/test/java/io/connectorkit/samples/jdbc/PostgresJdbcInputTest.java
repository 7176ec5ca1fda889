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

/** jdbc-input on the PostgreSQL server of {@link TestPostgres}. */
@RequiresPostgres
class PostgresJdbcInputTest extends JdbcInputContract {

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

    /** Only a server that checks passwords can refuse one: with trust authentication the test cannot run. */
    @Override
    Map<String, String> connectionWithWrongPassword(String wrongPassword) {
        Properties properties = new Properties();
        properties.setProperty("password", wrongPassword);
        try (Connection accepted = DriverManager.getConnection(TestPostgres.URL, properties)) {
            Assumptions.abort("PostgreSQL at " + UrlPasswords.mask(TestPostgres.URL) + " accepted a wrong password (trust "
                    + "authentication), so a refused password cannot be tested on it");
        } catch (SQLException refused) {
            // what the test needs
        }
        Map<String, String> config = connection();
        config.put("configuration.password", wrongPassword);
        return config;
    }
}
