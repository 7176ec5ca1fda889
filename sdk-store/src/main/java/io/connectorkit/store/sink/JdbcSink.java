package io.connectorkit.store.sink;

import io.connectorkit.store.CheckpointEnvelope;
import io.connectorkit.store.JdbcCheckpointStore;
import io.connectorkit.store.WriterLostException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes JSON object records as rows of a table and, in the same transaction, the checkpoint covering them into the
 * {@link JdbcCheckpointStore}'s table of the same database: exactly-once output.
 *
 * <p>The table's columns are the records' field names. A missing table is created from the first record (one column
 * per field: {@code BIGINT}, {@code DOUBLE PRECISION}, {@code BOOLEAN} or {@code TEXT} by the field's JSON type); an
 * existing one must have a column for every field. Rows are sent in JDBC batches; nothing is visible before
 * {@link #commit}.
 *
 * <p>API for hosts. The host creates it with a connection it hands over and a store it keeps: {@link #close()} rolls
 * back what was not committed and closes the connection, not the store. Not thread-safe: one host thread drives it.
 */
public final class JdbcSink implements TransactionalSink {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final int BATCH = 1000;

    private final Connection connection;
    private final JdbcCheckpointStore store;
    private final String table;
    private final String job;
    private final String partition;
    private List<String> columns;
    private int[] columnTypes;
    private PreparedStatement insert;
    private int pending;

    /**
     * @param connection a connection to the database of {@code store}; the sink owns it from now on
     * @param store where the checkpoints are committed, with the rows ({@link JdbcCheckpointStore#saveInTransaction})
     * @param table the output table, an unquoted SQL identifier
     * @throws IllegalArgumentException for an invalid table name
     * @throws SinkException when the connection cannot start a transaction
     */
    public JdbcSink(Connection connection, JdbcCheckpointStore store, String table, String job, String partition) {
        if (table == null || !IDENTIFIER.matcher(table).matches()) {
            throw new IllegalArgumentException("invalid output table name '" + table
                    + "': expected an SQL identifier [A-Za-z_][A-Za-z0-9_]*");
        }
        this.connection = connection;
        this.store = store;
        this.table = table;
        this.job = job;
        this.partition = partition;
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw failure("cannot start a transaction", e);
        }
    }

    @Override
    public void write(Object record) {
        if (!(record instanceof JsonObject row)) {
            throw new SinkException(this + ": records must be JSON objects, got "
                    + (record == null ? "null" : record.getClass().getName()), null);
        }
        try {
            if (insert == null) {
                prepare(row);
            }
            bind(row);
            insert.addBatch();
            if (++pending >= BATCH) {
                insert.executeBatch();
                pending = 0;
            }
        } catch (SQLException e) {
            throw failure("writing a row failed", e);
        } catch (ArithmeticException e) {
            throw new SinkException(this + ": a value does not fit its integer column (" + e.getMessage()
                    + "); the record was " + row, e);
        }
    }

    @Override
    public CheckpointEnvelope commit(String componentId, JsonObject checkpoint) {
        try {
            if (pending > 0) {
                insert.executeBatch();
                pending = 0;
            }
            CheckpointEnvelope saved = store.saveInTransaction(connection, job, partition, componentId, checkpoint,
                    null);
            connection.commit();
            return saved;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(e);
            if (e instanceof SinkException sink) {
                throw sink;
            }
            if (e instanceof WriterLostException lost) {
                throw lost; // another writer holds the job: the host must stop, not retry
            }
            throw failure("committing the rows and checkpoint failed; both are rolled back", e);
        }
    }

    @Override
    public void close() {
        try {
            try {
                rollbackQuietly(null);
            } finally {
                connection.close();
            }
        } catch (SQLException e) {
            throw failure("closing the connection failed", e);
        }
    }

    @Override
    public String toString() {
        return "jdbc sink (table " + table + ", job '" + job + "')";
    }

    /**
     * Whether {@code table} exists and holds at least one row; {@code false} when it does not exist.
     *
     * @param connection an auto-commit connection, left open
     * @throws IllegalArgumentException when {@code table} is not an SQL identifier
     */
    public static boolean holdsRows(Connection connection, String table) {
        if (table == null || !IDENTIFIER.matcher(table).matches()) {
            throw new IllegalArgumentException("invalid output table name '" + table
                    + "': expected an SQL identifier [A-Za-z_][A-Za-z0-9_]*");
        }
        try (Statement probe = connection.createStatement();
                var rs = probe.executeQuery("SELECT 1 FROM " + table + " FETCH FIRST 1 ROWS ONLY")) {
            return rs.next();
        } catch (SQLException e) {
            return false; // no such table
        }
    }

    /** Finds or creates the table and prepares the insert for the first record's fields. */
    private void prepare(JsonObject first) throws SQLException {
        columns = new ArrayList<>(first.keySet());
        for (String column : columns) {
            if (!IDENTIFIER.matcher(column).matches()) {
                throw new SinkException(this + ": field '" + column + "' cannot be a column name; expected an SQL "
                        + "identifier [A-Za-z_][A-Za-z0-9_]*", null);
            }
        }
        List<String> existing = existingColumns();
        if (existing == null && !createTable(first)) {
            existing = existingColumns(); // another sink of the job (another split) created it meanwhile
        }
        if (existing != null) {
            for (String column : columns) {
                if (existing.stream().noneMatch(column::equalsIgnoreCase)) {
                    throw new SinkException(this + ": the table has no column for field '" + column + "' (columns: "
                            + existing + ")", null);
                }
            }
        }
        insert = connection.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns)
                + ") VALUES (" + "?, ".repeat(columns.size() - 1) + "?)");
        columnTypes = columnTypes();
    }

    /** The table's columns, or {@code null} when it does not exist (checked in a throw-away savepoint). */
    private List<String> existingColumns() throws SQLException {
        var savepoint = connection.setSavepoint();
        try (Statement probe = connection.createStatement();
                var rs = probe.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                names.add(meta.getColumnName(i));
            }
            connection.releaseSavepoint(savepoint);
            return names;
        } catch (SQLException e) {
            connection.rollback(savepoint); // PostgreSQL aborts the transaction on an error otherwise
            return null;
        }
    }

    /**
     * Creates the table; {@code false} when that failed because it exists now: several sinks of one job (the splits
     * of a partitioned job, each with its own connection) may try at once, and only one creates it.
     */
    private boolean createTable(JsonObject first) throws SQLException {
        List<String> definitions = new ArrayList<>();
        for (String column : columns) {
            definitions.add(column + " " + sqlType(first.get(column)));
        }
        var savepoint = connection.setSavepoint();
        try (Statement create = connection.createStatement()) {
            create.execute("CREATE TABLE " + table + " (" + String.join(", ", definitions) + ")");
        } catch (SQLException e) {
            try {
                connection.rollback(savepoint); // PostgreSQL aborts the transaction on an error otherwise
            } catch (SQLException ended) {
                e.addSuppressed(ended); // H2: the DDL ended the transaction, and the savepoint with it
            }
            if (existingColumns() == null) {
                throw e;
            }
            return false;
        }
        try {
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            // H2 commits on DDL, which ends the savepoint with the transaction: nothing is left to release.
        }
        return true;
    }

    private int[] columnTypes() throws SQLException {
        int[] types = new int[columns.size()];
        try (Statement probe = connection.createStatement();
                var rs = probe.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + table + " WHERE 1 = 0")) {
            for (int i = 0; i < types.length; i++) {
                types[i] = rs.getMetaData().getColumnType(i + 1);
            }
        }
        return types;
    }

    private void bind(JsonObject row) throws SQLException {
        if (row.size() != columns.size() || !columns.containsAll(row.keySet())) {
            List<String> extra = new ArrayList<>(row.keySet());
            extra.removeAll(columns);
            if (!extra.isEmpty()) {
                throw new SinkException(this + ": the record has fields " + extra + " that the first record did not "
                        + "have; every record must have the fields " + columns, null);
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            JsonValue value = row.get(columns.get(i));
            int index = i + 1;
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                insert.setNull(index, columnTypes[i]);
            } else {
                switch (value.getValueType()) {
                    case NUMBER -> insert.setObject(index, number((JsonNumber) value, columnTypes[i]));
                    case TRUE -> insert.setBoolean(index, true);
                    case FALSE -> insert.setBoolean(index, false);
                    case STRING -> insert.setString(index, ((JsonString) value).getString());
                    default -> insert.setString(index, value.toString()); // nested objects and arrays as JSON text
                }
            }
        }
    }

    private static Object number(JsonNumber number, int columnType) {
        return switch (columnType) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> number.longValueExact();
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> number.doubleValue();
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB -> number.toString();
            default -> number.bigDecimalValue();
        };
    }

    private static String sqlType(JsonValue value) {
        if (value == null) {
            return "TEXT";
        }
        return switch (value.getValueType()) {
            case NUMBER -> ((JsonNumber) value).isIntegral() ? "BIGINT" : "DOUBLE PRECISION";
            case TRUE, FALSE -> "BOOLEAN";
            default -> "TEXT";
        };
    }

    private void rollbackQuietly(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
        }
        insert = closeQuietly(insert);
        pending = 0;
    }

    private PreparedStatement closeQuietly(PreparedStatement statement) {
        if (statement != null) {
            try {
                statement.close();
            } catch (SQLException e) {
                // the connection is being rolled back or closed anyway
            }
        }
        return null;
    }

    private SinkException failure(String what, Exception cause) {
        return new SinkException(this + ": " + what + ": " + cause.getMessage(), cause);
    }
}
