package io.connectorkit.store;

import io.connectorkit.api.configuration.UrlPasswords;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * A {@link CheckpointStore} in a database table, through plain JDBC ({@code java.sql} only: the driver is the
 * host's). Tested on H2 and PostgreSQL.
 *
 * <h2>Tables</h2> Created on first use ({@code CREATE TABLE IF NOT EXISTS}), named {@code <table>} (default
 * {@value #DEFAULT_TABLE}), {@code <table>_locks} and {@code <table>_saved}:
 * <pre>
 * CREATE TABLE IF NOT EXISTS connectorkit_checkpoints (
 *   job VARCHAR(128) NOT NULL, partition_id VARCHAR(128) NOT NULL, generation BIGINT NOT NULL,
 *   created_at TIMESTAMP WITH TIME ZONE NOT NULL, component_id VARCHAR(512) NOT NULL, version INTEGER NOT NULL,
 *   checksum VARCHAR(64) NOT NULL, audit TEXT, content TEXT NOT NULL,
 *   PRIMARY KEY (job, partition_id, generation))
 * CREATE TABLE IF NOT EXISTS connectorkit_checkpoints_locks (
 *   job VARCHAR(128) NOT NULL PRIMARY KEY, owner VARCHAR(200) NOT NULL,
 *   claimed_at TIMESTAMP WITH TIME ZONE NOT NULL, heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL)
 * CREATE TABLE IF NOT EXISTS connectorkit_checkpoints_saved (
 *   job VARCHAR(128) NOT NULL, partition_id VARCHAR(128) NOT NULL,
 *   first_saved_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (job, partition_id))
 * </pre>
 * A {@code _saved} row records that a partition saved checkpoints ({@link #savedBefore}); only a {@link #delete} (of
 * the job or of that partition) removes it, so checkpoint rows deleted by hand are noticed.
 * {@code content} is the checkpoint's JSON text and {@code audit} the audit's, or NULL. The checksum covers every
 * column, so a row edited behind the store's back is detected on load, logged as a WARNING naming the table, job,
 * partition and generation, and skipped for the previous valid generation.
 *
 * <h2>Saves</h2> One transaction: refresh and row-lock this store's writer claim (see below), next generation =
 * max + 1, insert, prune beyond the retention, commit. A unique violation on the key (a writer that bypassed the
 * claim) is retried. {@link #saveInTransaction} does the same on the caller's connection without committing, so that
 * a JDBC sink can commit its rows and the checkpoint together.
 *
 * <h2>Writers</h2> The first save, delete or {@link #lockForWriting} of a job inserts a claim row
 * {@code (job, owner)} into the locks table; it is deleted on {@link #close()}. The owner is an {@link OwnerId}: a
 * random id per store instance, so that no two writers ever share one (two containers with the same host name and
 * pid do not). Another store finding a live claim fails fast, naming the owner. While it holds claims, the store
 * refreshes their heartbeat (in the database's clock) from a daemon thread every quarter of {@code lockStaleAfter}
 * (default {@link #DEFAULT_LOCK_STALE_AFTER}), saving or not; a claim whose heartbeat is older than
 * {@code lockStaleAfter} is taken over, which is how a crashed writer's claim is recovered from any host. A claim
 * whose process provably ended (same kernel boot and PID namespace, pid gone or reused) is taken over at once; a pid
 * of another namespace proves nothing. A store whose claim was taken over finds it at its next save or heartbeat: it
 * tells its {@link #onWriterLost} listeners, and every later write of that job throws a {@link WriterLostException};
 * it never claims the job again.
 *
 * <p>A statement that waits for the lock of a claim row (held by another transaction, say a
 * {@code SELECT ... FOR UPDATE} left open) gives up after the lock timeout (default {@link #DEFAULT_LOCK_TIMEOUT}):
 * the call fails, and a WARNING says who holds the claim and, on PostgreSQL, which sessions hold locks on the table.
 *
 * <p>Passwords never appear in messages or logs. Thread-safe; saves of one job are serialised.
 *
 * <h2>Lifecycle</h2> API for hosts. Creating a store connects to nothing: the tables are created, and connections
 * opened, by the calls that need them (one connection per call, closed before it returns). Whoever created the store
 * closes it: {@link #close()} releases its claims and stops the heartbeat thread; reads still work afterwards, writes
 * throw a {@link CheckpointStoreException}. A {@link DataSource} given stays the caller's.
 */
public final class JdbcCheckpointStore implements CheckpointStore {

    /** The default table name. */
    public static final String DEFAULT_TABLE = "connectorkit_checkpoints";
    /**
     * The default time after which a claim whose heartbeat stopped may be taken over by another writer. A live
     * writer refreshes its heartbeat every quarter of it, saving or not.
     */
    public static final Duration DEFAULT_LOCK_STALE_AFTER = Duration.ofMinutes(1);
    /** The default time a statement waits for the lock of a job's claim row before it gives up with an error. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);

    /** Opens a connection; a {@link DataSource} or {@link DriverManager}. */
    interface Connector {
        Connection open() throws SQLException;
    }

    private final Connector connector;
    private final CheckpointTables tables;
    private final StoreOptions options;
    private final String name;
    private final JdbcErrors errors;
    private final JdbcClaims claims;
    private final JdbcReads reads;
    private final JdbcWrites writes;

    /** A store in {@value #DEFAULT_TABLE} with {@link StoreOptions#DEFAULTS}. */
    public JdbcCheckpointStore(DataSource dataSource) {
        this(dataSource, DEFAULT_TABLE, StoreOptions.DEFAULTS);
    }

    /**
     * A store with {@link #DEFAULT_LOCK_STALE_AFTER}.
     *
     * @param table the table name, {@code [A-Za-z_][A-Za-z0-9_]{0,49}}; {@code <table>_locks} and
     *     {@code <table>_saved} are used too
     */
    public JdbcCheckpointStore(DataSource dataSource, String table, StoreOptions options) {
        this(dataSource, table, options, DEFAULT_LOCK_STALE_AFTER);
    }

    /**
     * @param table the table name, {@code [A-Za-z_][A-Za-z0-9_]{0,49}}; {@code <table>_locks} and
     *     {@code <table>_saved} are used too
     * @param lockStaleAfter how long a job's writer may stay idle before another writer may take over its claim
     */
    public JdbcCheckpointStore(DataSource dataSource, String table, StoreOptions options, Duration lockStaleAfter) {
        this(Objects.requireNonNull(dataSource, "dataSource")::getConnection, table, options,
                new ClaimSettings(lockStaleAfter, DEFAULT_LOCK_TIMEOUT, OwnerId.current(), OwnerId.ProcessProbe.REAL),
                "jdbc store (" + dataSource.getClass().getName() + ")", null, Clock.systemUTC());
    }

    /** A store with a given owner id, process probe and heartbeat, for tests that simulate other writers. */
    static JdbcCheckpointStore withClaims(DataSource dataSource, String table, StoreOptions options,
                                          Duration lockStaleAfter, Duration heartbeatEvery, Duration lockTimeout,
                                          OwnerId owner, OwnerId.ProcessProbe probe) {
        return new JdbcCheckpointStore(dataSource::getConnection, table, options,
                new ClaimSettings(lockStaleAfter, lockTimeout, owner, probe, heartbeatEvery),
                "jdbc store (" + dataSource.getClass().getName() + ")", null, Clock.systemUTC());
    }

    /**
     * A store connecting through {@link DriverManager}; the driver must be on the class path. Nothing is connected
     * before the first call that needs the database.
     *
     * @param url the JDBC URL; a password in it is masked in messages
     * @param user the user, or {@code null} to use the URL's
     * @param password the password, or {@code null}; never shown in messages or logs
     * @param table the table name, as for {@link #JdbcCheckpointStore(DataSource, String, StoreOptions)}
     */
    public static JdbcCheckpointStore connect(String url, String user, String password, String table,
                                              StoreOptions options) {
        return connect(url, user, password, table, options, DEFAULT_LOCK_TIMEOUT);
    }

    /**
     * {@link #connect(String, String, String, String, StoreOptions)} with another lock timeout.
     *
     * @param lockTimeout how long a statement may wait for the lock of a job's claim row (held by another
     *     transaction) before the call fails naming who holds it; rounded up to whole seconds
     */
    public static JdbcCheckpointStore connect(String url, String user, String password, String table,
                                              StoreOptions options, Duration lockTimeout) {
        Objects.requireNonNull(url, "url");
        Connector connector = user == null && password == null
                ? () -> DriverManager.getConnection(url)
                : () -> DriverManager.getConnection(url, user, password);
        return new JdbcCheckpointStore(connector, table, options, new ClaimSettings(DEFAULT_LOCK_STALE_AFTER,
                lockTimeout, OwnerId.current(), OwnerId.ProcessProbe.REAL), "jdbc store " + UrlPasswords.mask(url),
                password, Clock.systemUTC());
    }

    private JdbcCheckpointStore(Connector connector, String table, StoreOptions options, ClaimSettings settings,
                                String description, String password, Clock clock) {
        this.tables = new CheckpointTables(table);
        this.connector = connector;
        this.options = Objects.requireNonNull(options, "options");
        this.name = description + " table " + table;
        JdbcWriterLock writerLock = new JdbcWriterLock(tables.locks(), settings.owner(), settings.probe(),
                settings.staleAfter(), settings.lockTimeout());
        this.errors = new JdbcErrors(name, table, password, writerLock, connector);
        this.claims = new JdbcClaims(name, settings, writerLock, errors, this::open, connector);
        this.reads = new JdbcReads(name, tables, errors, this::open, connector);
        this.writes = new JdbcWrites(name, tables, errors, claims, this::open, options, clock);
    }

    @Override
    public StoreOptions options() {
        return options;
    }

    /** The DDL of the store's tables, for a DBA who prefers to create them; the store runs it on first use. */
    public List<String> ddl() {
        return tables.ddl();
    }

    @Override
    public CheckpointEnvelope save(String job, String partition, String componentId, JsonObject checkpoint,
                                   Audit audit) {
        validate(job, partition, componentId, checkpoint);
        claims.claim(job);
        return writes.save(job, partition, componentId, checkpoint, audit);
    }

    /**
     * Saves a checkpoint on the caller's connection inside the caller's transaction, without committing: it becomes
     * visible when the caller commits, and disappears if the caller rolls back. Takes this store's writer claim for
     * the job first (on a connection of its own) if it does not hold it yet. This is how a sink commits its rows and
     * the checkpoint covering them together ({@link io.connectorkit.store.sink.JdbcSink}).
     *
     * @param connection a connection to this store's database with auto-commit off; the caller keeps it
     * @throws IllegalStateException if auto-commit is on
     * @throws CheckpointStoreException on an SQL failure; the caller should then roll back
     */
    public CheckpointEnvelope saveInTransaction(Connection connection, String job, String partition,
                                                String componentId, JsonObject checkpoint, Audit audit) {
        validate(job, partition, componentId, checkpoint);
        claims.claim(job);
        return writes.saveInTransaction(connection, job, partition, componentId, checkpoint, audit);
    }

    @Override
    public boolean savedBefore(String job, String partition) {
        return reads.savedBefore(job, partition);
    }

    @Override
    public Optional<CheckpointEnvelope> loadLatest(String job, String partition) {
        return reads.loadLatest(job, partition);
    }

    @Override
    public Optional<CheckpointEnvelope> load(String job, String partition, long generation) {
        return reads.load(job, partition, generation);
    }

    @Override
    public List<String> jobs() {
        return reads.jobs();
    }

    @Override
    public List<CheckpointInfo> history(String job, String partition) {
        return reads.history(job, partition);
    }

    @Override
    public void delete(String job) {
        StoreIds.require("job", job);
        claims.claim(job);
        writes.delete(job);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: the partition's rows and its {@code _saved} row, in one transaction fenced by the claim like a save.
     */
    @Override
    public void delete(String job, String partition) {
        JdbcReads.requireIds(job, partition);
        claims.claim(job);
        writes.delete(job, partition);
    }

    @Override
    public void lockForWriting(String job) {
        StoreIds.require("job", job);
        claims.claim(job);
    }

    @Override
    public void onWriterLost(Consumer<WriterLostException> listener) {
        claims.onWriterLost(listener);
    }

    /**
     * Releases this store's writer claims and stops its heartbeat. Idempotent. Reads still work afterwards; writes
     * throw a {@link CheckpointStoreException}.
     */
    @Override
    public void close() {
        claims.close();
    }

    @Override
    public String toString() {
        return name;
    }

    private void validate(String job, String partition, String componentId, JsonObject checkpoint) {
        JdbcReads.requireIds(job, partition);
        EnvelopeCodec.validate(job, partition, componentId, checkpoint, options.maxCheckpointBytes());
    }

    /** A connection for {@code job}'s statements, the tables created on first use. */
    private Connection open(String job) throws SQLException {
        StoreIds.require("job", job);
        Connection c = connector.open();
        tables.createOnce(c);
        return c;
    }
}
