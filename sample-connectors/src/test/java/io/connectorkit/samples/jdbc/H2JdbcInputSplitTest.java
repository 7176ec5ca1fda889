package io.connectorkit.samples.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * jdbc-input's key ranges on embedded H2: one in-memory database per class, with a user and a password (which H2
 * checks), kept alive by an open connection. {@code DATABASE_TO_LOWER} makes unquoted names lower case, as in
 * PostgreSQL.
 */
class H2JdbcInputSplitTest extends JdbcInputSplitContract {

    private static final String USER = "ck";
    private static final String PASSWORD = "H2-split-Pa55-c7e1";
    private static String url;
    private static Connection keepAlive;

    @BeforeAll
    static void createDatabase() throws SQLException {
        url = "jdbc:h2:mem:jdbc_split_" + UUID.randomUUID().toString().replace("-", "") + ";DATABASE_TO_LOWER=TRUE";
        keepAlive = DriverManager.getConnection(url, USER, PASSWORD); // the first connection creates the user
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        keepAlive.close();
    }

    @Override
    Map<String, String> connection() {
        Map<String, String> config = new HashMap<>();
        config.put("configuration.url", url);
        config.put("configuration.user", USER);
        config.put("configuration.password", PASSWORD);
        return config;
    }

    @Override
    Connection admin() throws SQLException {
        return DriverManager.getConnection(url, USER, PASSWORD);
    }

    @Override
    Map<String, String> connectionWithCredential() {
        return connection();
    }
}
