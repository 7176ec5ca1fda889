package io.connectorkit.samples.jdbc;

import io.connectorkit.samples.jdbc.JdbcInputCheckpoint.KeyType;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * What {@link JdbcInput}'s planning found: whether its configuration splits into key ranges, and if so the span of
 * its keys ({@code null} when it has no row). A configuration in updated-at mode or with a {@code query} is not
 * splittable without a connection; otherwise this connects, checks the source's columns as the reader would (a
 * missing table or column fails here, by name) and, for an integer key only, runs the one {@link KeySpan} query.
 *
 * @param reason why the configuration is read as one split, or {@code null} when it splits
 * @param span the keys' span when it splits, {@code null} when it does not or the source has no key in its range
 */
record KeyPlanning(String reason, KeySpan span) {

    /** Whether the configuration splits into key ranges. */
    boolean splittable() {
        return reason == null;
    }

    /**
     * @throws IllegalStateException when the source cannot be read: the connection, a missing table or column, or the
     *     query of the span failing (the password masked)
     */
    static KeyPlanning of(JdbcInputConfig configuration) {
        if (configuration.getUpdatedAtColumn() != null && !configuration.getUpdatedAtColumn().isBlank()) {
            return new KeyPlanning("configuration.updatedAtColumn is set: updated-at mode reads in updated-at order, "
                    + "not by key ranges", null);
        }
        if (configuration.getQuery() != null && !configuration.getQuery().isBlank()) {
            return new KeyPlanning("configuration.query is set: key ranges split a table only", null);
        }
        JdbcConnector connector = new JdbcConnector(configuration);
        String source = configuration.sqlSource();
        try (Connection connection = connector.open()) {
            SourceColumns columns = SourceColumns.read(connection, configuration, source, configuration.sourceName());
            if (columns.keyType() != KeyType.LONG) {
                return new KeyPlanning("key column '" + columns.key().label() + "' is of type "
                        + columns.key().typeName() + ", not an integer type", null);
            }
            try {
                return new KeyPlanning(null, KeySpan.query(connection, source, columns.key(),
                        configuration.keyRange()));
            } catch (SQLException e) {
                throw new IllegalStateException("querying the smallest and largest key of " + configuration.sourceName()
                        + " failed: " + connector.hidePassword(e.getMessage()) + " (SQLState " + e.getSQLState() + ")");
            }
        } catch (SQLException e) {
            // Only closing the connection throws it here: the plan was made.
            throw new IllegalStateException("closing the connection to " + connector.url() + " failed: "
                    + connector.hidePassword(e.getMessage()) + " (SQLState " + e.getSQLState() + ")");
        }
    }
}
