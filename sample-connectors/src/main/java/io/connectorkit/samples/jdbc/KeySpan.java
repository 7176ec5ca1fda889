package io.connectorkit.samples.jdbc;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The smallest and largest integer key of a source within a {@link KeyRange}, as one query finds them at planning:
 * {@code SELECT MIN(key), MAX(key) FROM t WHERE key >= ? AND key < ?} (each bound only when set). Only
 * {@link JdbcInput}'s {@code @Assessor} and {@code @Split} run it, never its worker.
 *
 * @param min the smallest key
 * @param max the largest key, at least {@code min}
 */
record KeySpan(long min, long max) {

    /**
     * The span of {@code key} in {@code source} within {@code range}, or {@code null} when no row has a key there.
     *
     * @param source the table, as SQL
     * @param key an integer column of {@code source}
     */
    static KeySpan query(Connection connection, String source, Column key, KeyRange range) throws SQLException {
        String k = key.label();
        String sql = "SELECT MIN(" + k + "), MAX(" + k + ") FROM " + source
                + (range.from() == null ? "" : " WHERE " + k + " >= ?")
                + (range.to() == null ? "" : (range.from() == null ? " WHERE " : " AND ") + k + " < ?");
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int next = 1;
            if (range.from() != null) {
                statement.setLong(next++, range.from());
            }
            if (range.to() != null) {
                statement.setLong(next, range.to());
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                long min = row.getLong(1);
                if (row.wasNull()) {
                    return null; // no row: MIN and MAX are NULL
                }
                return new KeySpan(min, row.getLong(2));
            }
        }
    }

    /** The number of keys from {@code min} to {@code max}, both included; at most {@link Long#MAX_VALUE}. */
    long keys() {
        return KeyRanges.span(min, max).min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact();
    }
}
