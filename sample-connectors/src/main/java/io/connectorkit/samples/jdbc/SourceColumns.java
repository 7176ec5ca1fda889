package io.connectorkit.samples.jdbc;

import io.connectorkit.samples.jdbc.JdbcInputCheckpoint.KeyType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The columns of {@link JdbcInput}'s source, read with a query that returns no row, with its key column and
 * updated-at column found among them and checked: a missing table or column, or one of the wrong type, fails here,
 * by name, before any row is read.
 *
 * @param all every column, in order
 * @param key the key column
 * @param keyType how the key is read and compared
 * @param updatedAt the updated-at column, or {@code null} in key mode
 */
record SourceColumns(List<Column> all, Column key, KeyType keyType, Column updatedAt) {

    /**
     * @param source the table, or the query as a derived table
     * @param sourceName the source as messages name it: {@code table 't'} or {@code the query}
     * @throws IllegalStateException naming the table or column, and what is wrong
     */
    static SourceColumns read(Connection connection, JdbcInputConfig configuration, String source,
            String sourceName) {
        List<Column> columns;
        try (Statement statement = connection.createStatement();
                ResultSet empty = statement.executeQuery(PageQueries.describing(source))) {
            columns = Column.of(empty.getMetaData());
        } catch (SQLException e) {
            // No such table or view: 42P01 (PostgreSQL), 42S02 (SQL standard, H2), 42S04 (H2, empty database).
            boolean noTable = List.of("42P01", "42S02", "42S04").contains(e.getSQLState());
            String table = configuration.getTable();
            String what = table == null || table.isBlank() ? "the query failed"
                    : noTable ? "table '" + table + "' does not exist (or this user cannot see it)"
                    : "cannot read table '" + table + "'";
            throw new IllegalStateException(what + ": " + e.getMessage() + " (SQLState " + e.getSQLState() + ")", e);
        }
        Column key = column(columns, sourceName, "keyColumn", configuration.getKeyColumn());
        KeyType keyType;
        if (key.isInteger()) {
            keyType = KeyType.LONG;
        } else if (key.isCharacter()) {
            keyType = KeyType.STRING;
        } else {
            throw new IllegalStateException("key column '" + key.label() + "' of " + sourceName + " is of type "
                    + key.typeName() + "; jdbc-input needs an integer or character key column");
        }
        Column updatedAt = null;
        String updatedAtColumn = configuration.getUpdatedAtColumn();
        if (updatedAtColumn != null && !updatedAtColumn.isBlank()) {
            updatedAt = column(columns, sourceName, "updatedAtColumn", updatedAtColumn);
            if (!updatedAt.isTimestamp()) {
                throw new IllegalStateException("updated-at column '" + updatedAt.label() + "' of " + sourceName
                        + " is of type " + updatedAt.typeName() + "; jdbc-input needs a timestamp column");
            }
        }
        return new SourceColumns(columns, key, keyType, updatedAt);
    }

    /** The column {@code name} (configuration option {@code option}); quotes around it are dropped. */
    private static Column column(List<Column> columns, String sourceName, String option, String name) {
        String unquoted = name.startsWith("\"") && name.endsWith("\"") ? name.substring(1, name.length() - 1) : name;
        return columns.stream().filter(c -> c.label().equalsIgnoreCase(unquoted)).findFirst()
                .orElseThrow(() -> new IllegalStateException("column '" + name + "' (configuration." + option
                        + ") does not exist in " + sourceName + "; its columns are "
                        + columns.stream().map(Column::label).toList()));
    }
}
