package io.connectorkit.samples.jdbc;

import io.connectorkit.api.configuration.UrlPasswords;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens {@link JdbcInput}'s read-only connection, and keeps the password (given as an option or in the URL) out of
 * every message about it: a driver may quote the URL, or the password, in its errors.
 */
final class JdbcConnector {

    private final JdbcInputConfig configuration;

    JdbcConnector(JdbcInputConfig configuration) {
        this.configuration = configuration;
    }

    /**
     * A read-only connection to the configured URL.
     *
     * @throws IllegalStateException naming the URL (its password masked), the user and the driver's message
     */
    Connection open() {
        Properties properties = new Properties();
        if (configuration.getUser() != null) {
            properties.setProperty("user", configuration.getUser());
        }
        if (configuration.getPassword() != null) {
            properties.setProperty("password", configuration.getPassword());
        }
        try {
            Connection opened = DriverManager.getConnection(configuration.getUrl(), properties);
            opened.setReadOnly(true);
            return opened;
        } catch (SQLException e) {
            String as = configuration.getUser() == null ? "" : " as user '" + configuration.getUser() + "'";
            throw new IllegalStateException("cannot connect to " + url() + as + ": "
                    + hidePassword(e.getMessage()) + " (SQLState " + e.getSQLState() + ")", withoutPassword(e));
        }
    }

    /** The configured URL with its password masked. */
    String url() {
        return UrlPasswords.mask(configuration.getUrl());
    }

    /** {@code text} with URL passwords and the configured password masked. */
    String hidePassword(String text) {
        String password = configuration.getPassword();
        String masked = UrlPasswords.mask(String.valueOf(text));
        return password == null || password.isEmpty() ? masked : masked.replace(password, "****");
    }

    /** {@code error} itself unless a message in its chain holds the password; then a masked copy without causes. */
    private SQLException withoutPassword(SQLException error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (!String.valueOf(t.getMessage()).equals(hidePassword(t.getMessage()))) {
                SQLException masked = new SQLException(hidePassword(error.getMessage()), error.getSQLState(),
                        error.getErrorCode());
                masked.setStackTrace(error.getStackTrace());
                return masked;
            }
        }
        return error;
    }
}
