package io.connectorkit.samples.jdbc;

import jakarta.json.JsonObjectBuilder;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One column of the result: where it is, what it is called, and how its values become JSON.
 *
 * @param timeZone whether its timestamps carry a time zone ({@link #hasTimeZone()}), worked out once from the type
 */
record Column(int index, String label, int type, String typeName, boolean timeZone) {

    /** The columns of a result, in order. */
    static List<Column> of(ResultSetMetaData metaData) throws SQLException {
        List<Column> columns = new ArrayList<>();
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            int type = metaData.getColumnType(i);
            String typeName = metaData.getColumnTypeName(i);
            columns.add(new Column(i, metaData.getColumnLabel(i), type, typeName, hasTimeZone(type, typeName)));
        }
        return columns;
    }

    boolean isInteger() {
        return type == Types.TINYINT || type == Types.SMALLINT || type == Types.INTEGER || type == Types.BIGINT;
    }

    boolean isCharacter() {
        return type == Types.CHAR || type == Types.VARCHAR || type == Types.LONGVARCHAR || type == Types.NCHAR
                || type == Types.NVARCHAR || type == Types.LONGNVARCHAR;
    }

    boolean isTimestamp() {
        return type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE;
    }

    /** Whether this column's timestamps carry a time zone. */
    boolean hasTimeZone() {
        return timeZone;
    }

    /** PostgreSQL reports {@code timestamptz} as {@link Types#TIMESTAMP}; only its type name tells them apart. */
    private static boolean hasTimeZone(int type, String typeName) {
        return type == Types.TIMESTAMP_WITH_TIMEZONE || "timestamptz".equalsIgnoreCase(typeName)
                || typeName.toUpperCase().contains("WITH TIME ZONE");
    }

    /**
     * This column's value in the current row as an instant: with time zone as stored, without as UTC; or
     * {@code null}.
     */
    OffsetDateTime timestamp(ResultSet row) throws SQLException {
        if (hasTimeZone()) {
            OffsetDateTime value = row.getObject(index, OffsetDateTime.class);
            return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
        }
        LocalDateTime value = row.getObject(index, LocalDateTime.class);
        return value == null ? null : value.atOffset(ZoneOffset.UTC);
    }

    /** The value to bind for a comparison with this column: without time zone, the UTC local date-time. */
    Object bindable(OffsetDateTime instant) {
        return hasTimeZone() ? instant : instant.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    /**
     * Adds this column's value in the current row to {@code json}, as a JSON number, boolean, string or null, in the
     * form {@link SqlJson} gives each type.
     */
    void addTo(JsonObjectBuilder json, ResultSet row) throws SQLException {
        switch (type) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
                long value = row.getLong(index);
                addOrNull(json, row, () -> json.add(label, value));
            }
            case Types.DECIMAL, Types.NUMERIC -> addOrNull(json, row.getBigDecimal(index), v -> json.add(label, v));
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> {
                double value = row.getDouble(index);
                addOrNull(json, row, () -> SqlJson.addDouble(json, label, value));
            }
            case Types.BOOLEAN, Types.BIT -> {
                Object value = row.getObject(index); // PostgreSQL's bit(n) is BIT too, but not a boolean
                addOrNull(json, value, v -> {
                    if (v instanceof Boolean b) {
                        json.add(label, b);
                    } else {
                        json.add(label, v.toString());
                    }
                });
            }
            case Types.DATE -> addOrNull(json, row.getObject(index, LocalDate.class),
                    v -> SqlJson.addDate(json, label, v));
            case Types.TIME -> addOrNull(json, row.getObject(index, LocalTime.class),
                    v -> SqlJson.addTime(json, label, v));
            case Types.TIME_WITH_TIMEZONE -> addOrNull(json, row.getObject(index, OffsetTime.class),
                    v -> SqlJson.addTime(json, label, v));
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                if (hasTimeZone()) {
                    addOrNull(json, timestamp(row), v -> SqlJson.addTimestamp(json, label, v));
                } else {
                    addOrNull(json, row.getObject(index, LocalDateTime.class),
                            v -> SqlJson.addTimestamp(json, label, v));
                }
            }
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> addOrNull(json,
                    row.getBytes(index), v -> SqlJson.addBytes(json, label, v));
            default -> addOrNull(json, row.getString(index), v -> json.add(label, v));
        }
    }

    private void addOrNull(JsonObjectBuilder json, ResultSet row, Runnable add) throws SQLException {
        if (row.wasNull()) {
            json.addNull(label);
        } else {
            add.run();
        }
    }

    private <T> void addOrNull(JsonObjectBuilder json, T value, Consumer<T> add) {
        if (value == null) {
            json.addNull(label);
        } else {
            add.accept(value);
        }
    }
}
