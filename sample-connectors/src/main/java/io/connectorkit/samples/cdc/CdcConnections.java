package io.connectorkit.samples.cdc;

import io.connectorkit.api.configuration.UrlPasswords;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.PGProperty;

/**
 * Opens {@link CdcInput}'s connections, replication and plain, and keeps the password (an option or in the URL) out
 * of every message about them.
 */
final class CdcConnections {

    /** ISO dates in UTC and hex bytea: the text forms {@link TextValues} reads. */
    private static final String SESSION_SETTINGS = "-c DateStyle=ISO -c TimeZone=UTC -c bytea_output=hex";

    private final CdcInputConfig configuration;

    CdcConnections(CdcInputConfig configuration) {
        this.configuration = configuration;
    }

    /** A replication connection ({@code replication=database}), which also runs simple SQL before it streams. */
    Connection replication() {
        Properties properties = credentials();
        PGProperty.REPLICATION.set(properties, "database");
        PGProperty.ASSUME_MIN_SERVER_VERSION.set(properties, "10");
        PGProperty.PREFER_QUERY_MODE.set(properties, "simple");
        PGProperty.OPTIONS.set(properties, SESSION_SETTINGS);
        return open(properties, "a replication connection");
    }

    /** A plain connection, for what a streaming one cannot do (the server's position, a late acknowledgement). */
    Connection plain() {
        return open(credentials(), "a connection");
    }

    private Properties credentials() {
        Properties properties = new Properties();
        if (configuration.getUser() != null) {
            properties.setProperty("user", configuration.getUser());
        }
        if (configuration.getPassword() != null) {
            properties.setProperty("password", configuration.getPassword());
        }
        return properties;
    }

    private Connection open(Properties properties, String what) {
        try {
            return DriverManager.getConnection(configuration.getUrl(), properties);
        } catch (SQLException e) {
            String as = configuration.getUser() == null ? "" : " as user '" + configuration.getUser() + "'";
            throw new IllegalStateException("cannot open " + what + " to " + url() + as + ": " + hide(e)
                    + ("42501".equals(e.getSQLState()) ? ". " + ReplicationSession.PRIVILEGES : ""), null);
        }
    }

    /** The configured URL with its password masked. */
    String url() {
        return UrlPasswords.mask(configuration.getUrl());
    }

    /** The message of {@code error} with its SQLState, URL passwords and the configured password masked. */
    String hide(SQLException error) {
        String password = configuration.getPassword();
        String masked = UrlPasswords.mask(String.valueOf(error.getMessage()));
        if (password != null && !password.isEmpty()) {
            masked = masked.replace(password, "****");
        }
        return masked + " (SQLState " + error.getSQLState() + ")";
    }
}
