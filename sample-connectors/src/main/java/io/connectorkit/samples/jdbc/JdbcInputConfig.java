package io.connectorkit.samples.jdbc;

import io.connectorkit.api.configuration.Credential;
import io.connectorkit.api.configuration.Option;

/**
 * The configuration of {@link JdbcInput}: {@code configuration.*} keys.
 *
 * <p>{@code table} and {@code query} are used in SQL as written (the operator's configuration is trusted like the
 * query itself): {@code table} may be {@code schema.table} or a quoted name, and column names follow the database's
 * own case rules. Exactly one of {@code table} and {@code query} is set.
 */
public class JdbcInputConfig {

    @Option(required = true)
    private String url;

    @Option
    private String user;

    @Option
    @Credential
    private String password;

    /** The table to read; or else {@link #query}. */
    @Option
    private String table;

    /** A query to read, wrapped as {@code SELECT * FROM (<query>) q WHERE ...}; or else {@link #table}. */
    @Option
    private String query;

    /** A unique column whose values only grow (integer or character type). */
    @Option(required = true)
    private String keyColumn;

    /** A timestamp column set on insert and update: turns on updated-at mode. */
    @Option
    private String updatedAtColumn;

    /** Rows per query (page). */
    @Option
    private int fetchSize = 1000;

    /** Rows between two checkpoints; {@code null} means {@link #fetchSize}. */
    @Option
    private Integer batchSize;

    /** Updated-at mode: how far below the watermark, in milliseconds, a run starts reading again. */
    @Option
    private long lateness;

    /**
     * The smallest key read (inclusive), for an integer key; {@code null}: no lower bound. Set on each key range by
     * {@link JdbcInput#split}.
     */
    @Option
    private Long keyFrom;

    /**
     * The key above the last one read (exclusive), for an integer key; {@code null}: no upper bound. Set on each key
     * range by {@link JdbcInput#split}.
     */
    @Option
    private Long keyTo;

    @Option
    private JdbcInputCheckpoint checkpoint = new JdbcInputCheckpoint();

    /**
     * A copy of this configuration (credentials included: a split's are the job's) reading the keys of
     * {@code range} only, from its start: a new checkpoint.
     */
    JdbcInputConfig forRange(KeyRange range) {
        JdbcInputConfig copy = new JdbcInputConfig();
        copy.url = url;
        copy.user = user;
        copy.password = password;
        copy.table = table;
        copy.query = query;
        copy.keyColumn = keyColumn;
        copy.updatedAtColumn = updatedAtColumn;
        copy.fetchSize = fetchSize;
        copy.batchSize = batchSize;
        copy.lateness = lateness;
        copy.keyFrom = range.from();
        copy.keyTo = range.to();
        return copy;
    }

    /** The keys this configuration reads: {@link #keyFrom} to {@link #keyTo}. */
    KeyRange keyRange() {
        return new KeyRange(keyFrom, keyTo);
    }

    /** The source in SQL: the table, or the query as a derived table {@code (query) q}. */
    String sqlSource() {
        return query == null || query.isBlank() ? table : "(" + query + ") q";
    }

    /** The source as messages name it: {@code table 't'} or {@code the query}. */
    String sourceName() {
        return table == null || table.isBlank() ? "the query" : "table '" + table + "'";
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getTable() {
        return table;
    }

    public void setTable(String table) {
        this.table = table;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getKeyColumn() {
        return keyColumn;
    }

    public void setKeyColumn(String keyColumn) {
        this.keyColumn = keyColumn;
    }

    public String getUpdatedAtColumn() {
        return updatedAtColumn;
    }

    public void setUpdatedAtColumn(String updatedAtColumn) {
        this.updatedAtColumn = updatedAtColumn;
    }

    public int getFetchSize() {
        return fetchSize;
    }

    public void setFetchSize(int fetchSize) {
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetchSize must be 1 or more, got " + fetchSize);
        }
        this.fetchSize = fetchSize;
    }

    public Integer getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(Integer batchSize) {
        if (batchSize != null && batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be 1 or more, got " + batchSize);
        }
        this.batchSize = batchSize;
    }

    public long getLateness() {
        return lateness;
    }

    public void setLateness(long lateness) {
        if (lateness < 0) {
            throw new IllegalArgumentException("lateness must be 0 or more milliseconds, got " + lateness);
        }
        this.lateness = lateness;
    }

    public Long getKeyFrom() {
        return keyFrom;
    }

    public void setKeyFrom(Long keyFrom) {
        this.keyFrom = keyFrom;
    }

    public Long getKeyTo() {
        return keyTo;
    }

    public void setKeyTo(Long keyTo) {
        this.keyTo = keyTo;
    }

    public JdbcInputCheckpoint getCheckpoint() {
        return checkpoint;
    }

    public void setCheckpoint(JdbcInputCheckpoint checkpoint) {
        this.checkpoint = checkpoint;
    }
}
