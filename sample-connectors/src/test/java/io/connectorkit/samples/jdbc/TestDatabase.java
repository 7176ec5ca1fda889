package io.connectorkit.samples.jdbc;

import io.connectorkit.api.configuration.UrlPasswords;
import io.connectorkit.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A database the jdbc-input tests run on: the options that reach it, a connection for the tests' own SQL, and the
 * passwords it lets a test try. {@link H2} is embedded; {@link #POSTGRES} is the server of {@link TestPostgres}.
 */
interface TestDatabase {

    /** The PostgreSQL server of {@link TestPostgres}, for test classes annotated {@code @RequiresPostgres}. */
    TestDatabase POSTGRES = new Postgres();

    /** {@code configuration.url}, and {@code user}/{@code password} when the URL does not hold them; a new map. */
    Map<String, String> connection();

    /** A connection for the test's own DDL and DML. */
    Connection admin() throws SQLException;

    /** {@link #connection()} with a password the server refuses; aborts the test when no password can be refused. */
    Map<String, String> connectionWithWrongPassword(String wrongPassword);

    /**
     * {@link #connection()} with a {@code configuration.password} the server accepts, that is in no other option;
     * aborts the test when the server has none.
     */
    Map<String, String> connectionWithCredential();

    /** {@link #connection()} with {@code configuration.password} set to {@code password}. */
    default Map<String, String> connectionWithPassword(String password) {
        Map<String, String> config = connection();
        config.put("configuration.password", password);
        return config;
    }

    /**
     * Embedded H2, registered on a test class with {@code @RegisterExtension}: one in-memory database per class, with
     * a user and a password (which H2 checks), kept alive by an open connection from before the class's first test
     * to after its last. {@code DATABASE_TO_LOWER} makes unquoted names lower case, as in PostgreSQL.
     */
    final class H2 implements TestDatabase, BeforeAllCallback, AfterAllCallback {

        private final String namePrefix;
        private final String user;
        private final String password;
        private String url;
        private Connection keepAlive;

        /** A database named {@code namePrefix} and a random suffix, whose first connection creates the user. */
        H2(String namePrefix, String user, String password) {
            this.namePrefix = namePrefix;
            this.user = user;
            this.password = password;
        }

        @Override
        public void beforeAll(ExtensionContext context) throws SQLException {
            url = "jdbc:h2:mem:" + namePrefix + UUID.randomUUID().toString().replace("-", "") + ";DATABASE_TO_LOWER=TRUE";
            keepAlive = admin(); // the first connection creates the user
        }

        @Override
        public void afterAll(ExtensionContext context) throws SQLException {
            keepAlive.close();
        }

        @Override
        public Map<String, String> connection() {
            Map<String, String> config = new HashMap<>();
            config.put("configuration.url", url);
            config.put("configuration.user", user);
            config.put("configuration.password", password);
            return config;
        }

        @Override
        public Connection admin() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public Map<String, String> connectionWithWrongPassword(String wrongPassword) {
            return connectionWithPassword(wrongPassword);
        }

        /** The user's own password is a credential, in no other option. */
        @Override
        public Map<String, String> connectionWithCredential() {
            return connection();
        }
    }

    /** The PostgreSQL server of {@link TestPostgres}: its URL holds the user and the password, if any. */
    final class Postgres implements TestDatabase {

        /** A password the split test gives as the credential: a trust server accepts it without checking. */
        private static final String SENTINEL_PASSWORD = "Pg-split-sentinel-4b9d";

        private Postgres() {
        }

        @Override
        public Map<String, String> connection() {
            Map<String, String> config = new HashMap<>();
            config.put("configuration.url", TestPostgres.URL); // user and password, if any, are in the URL
            return config;
        }

        @Override
        public Connection admin() throws SQLException {
            return DriverManager.getConnection(TestPostgres.URL);
        }

        /** Only a server that checks passwords can refuse one: with trust authentication the test cannot run. */
        @Override
        public Map<String, String> connectionWithWrongPassword(String wrongPassword) {
            if (accepts(wrongPassword)) {
                Assumptions.abort("PostgreSQL at " + UrlPasswords.mask(TestPostgres.URL) + " accepted a wrong password "
                        + "(trust authentication), so a refused password cannot be tested on it");
            }
            return connectionWithPassword(wrongPassword);
        }

        /**
         * The server's own password is in the URL (not a credential), so the test gives a sentinel one as
         * {@code configuration.password}: only a server that accepts it (trust authentication) can run the test.
         */
        @Override
        public Map<String, String> connectionWithCredential() {
            if (!accepts(SENTINEL_PASSWORD)) {
                Assumptions.abort("PostgreSQL at " + UrlPasswords.mask(TestPostgres.URL) + " refused the sentinel "
                        + "password, so a credential that is in no other option cannot be tested on it");
            }
            return connectionWithPassword(SENTINEL_PASSWORD);
        }

        /** Whether the server accepts a connection with {@code password} given besides the URL. */
        private static boolean accepts(String password) {
            Properties properties = new Properties();
            properties.setProperty("password", password);
            try (Connection accepted = DriverManager.getConnection(TestPostgres.URL, properties)) {
                return true;
            } catch (SQLException refused) {
                return false;
            }
        }
    }
}
