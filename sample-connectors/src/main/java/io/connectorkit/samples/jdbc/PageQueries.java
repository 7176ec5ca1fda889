package io.connectorkit.samples.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * The SQL of {@link JdbcInput}'s pages over one source, and the statements that run it: a page is the rows after a
 * position (or, for the first one, from the start or the bottom of the lateness window), in the order of the key or
 * of {@code (updatedAt, key)}, {@code fetchSize} of them at most; every page keeps to the configuration's
 * {@link KeyRange} ({@code AND key >= keyFrom AND key < keyTo}, each when set). The statement of the pages after a row is prepared
 * once and kept until {@link #close()}; a first page's statement is the caller's to close ({@link #release}). One per
 * input; not thread-safe.
 */
final class PageQueries implements AutoCloseable {

    private final Connection connection;
    private final String source;
    private final Column key;
    private final Column updatedAt;
    private final KeyRange range;
    private final int fetchSize;
    private PreparedStatement afterCursor;

    /**
     * @param source the table, or the query as a derived table {@code (query) q}
     * @param updatedAt the updated-at column, or {@code null} in key mode
     * @param range the keys read: bounds on an integer key, or {@link KeyRange#ALL}
     */
    PageQueries(Connection connection, String source, Column key, Column updatedAt, KeyRange range, int fetchSize) {
        this.connection = connection;
        this.source = source;
        this.key = key;
        this.updatedAt = updatedAt;
        this.range = range;
        this.fetchSize = fetchSize;
    }

    /** A query that returns no row, for the source's columns: a missing table or column fails it, by name. */
    static String describing(String source) {
        return "SELECT * FROM " + source + " WHERE 1 = 0";
    }

    /**
     * The statement of the first page, bound: the rows from {@code windowStart} on, or all of them.
     *
     * @param windowStart the bottom of the lateness window, or {@code null} to read from the start
     */
    PreparedStatement first(OffsetDateTime windowStart) throws SQLException {
        PreparedStatement page = prepare(firstPageCondition(windowStart != null));
        int next = 1;
        if (updatedAt != null && windowStart != null) {
            page.setObject(next++, updatedAt.bindable(windowStart));
        }
        bindRange(page, next);
        return page;
    }

    /**
     * The statement of a page after a row, bound to that row's position.
     *
     * @param cursorTime the row's updated-at; unused in key mode
     * @param cursorKey the row's key: a {@code Long} or a {@code String}
     */
    PreparedStatement after(OffsetDateTime cursorTime, Object cursorKey) throws SQLException {
        if (afterCursor == null) {
            afterCursor = prepare(afterCursorCondition());
        }
        int next = 1;
        if (updatedAt != null) {
            afterCursor.setObject(next++, updatedAt.bindable(cursorTime));
            afterCursor.setObject(next++, updatedAt.bindable(cursorTime));
        }
        afterCursor.setObject(next++, cursorKey);
        bindRange(afterCursor, next);
        return afterCursor;
    }

    /** Closes a page's statement unless it is the one kept for every page after a row. */
    void release(PreparedStatement page) throws SQLException {
        if (page != null && page != afterCursor) {
            page.close();
        }
    }

    /** Closes the statement kept for the pages after a row. */
    @Override
    public void close() throws SQLException {
        if (afterCursor != null) {
            PreparedStatement statement = afterCursor;
            afterCursor = null;
            statement.close();
        }
    }

    /** The condition of the first page, which has no row of this run to start after. */
    private String firstPageCondition(boolean fromWindow) {
        String k = key.label();
        if (updatedAt == null) {
            return k + " IS NOT NULL";
        }
        String u = updatedAt.label();
        // The lateness window: rows from watermark - lateness on, including some already emitted.
        String where = fromWindow ? u + " >= ?" : u + " IS NOT NULL";
        return where + " AND " + k + " IS NOT NULL"; // key mode skips NULL keys by its WHERE; so does this mode
    }

    /** The condition of every page after a row: the rows after the cursor. */
    private String afterCursorCondition() {
        String k = key.label();
        if (updatedAt == null) {
            return k + " > ?";
        }
        String u = updatedAt.label();
        // Keyset pagination over (u, k), in the portable form of the row comparison (u, k) > (?, ?).
        return "(" + u + " > ? OR (" + u + " = ? AND " + k + " > ?)) AND " + k + " IS NOT NULL";
    }

    /** The range's bounds, after the other parameters: {@code next} is the first bound's index. */
    private void bindRange(PreparedStatement statement, int next) throws SQLException {
        if (range.from() != null) {
            statement.setLong(next++, range.from());
        }
        if (range.to() != null) {
            statement.setLong(next, range.to());
        }
    }

    /** {@code AND key >= ? AND key < ?}, each for a bound that is set: the key range of every page. */
    private String rangeCondition() {
        return (range.from() == null ? "" : " AND " + key.label() + " >= ?")
                + (range.to() == null ? "" : " AND " + key.label() + " < ?");
    }

    /**
     * One page's statement: the rows meeting {@code where} within the key range, in order, {@code fetchSize} of them
     * at most.
     */
    private PreparedStatement prepare(String where) throws SQLException {
        String order = updatedAt == null ? key.label() : updatedAt.label() + ", " + key.label();
        // FETCH FIRST (SQL:2008) rather than setMaxRows: the database plans for one page, not the whole table.
        String sql = "SELECT * FROM " + source + " WHERE " + where + rangeCondition() + " ORDER BY " + order
                + " FETCH FIRST " + fetchSize + " ROWS ONLY";
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setFetchSize(fetchSize);
        return statement;
    }
}
