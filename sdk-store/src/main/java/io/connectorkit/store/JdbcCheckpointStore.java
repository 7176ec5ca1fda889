package io.connectorkit.store;

import io.connectorkit.api.configuration.UrlPasswords;
import io.connectorkit.store.EnvelopeCodec.InvalidCheckpointException;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
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
 * A {@code _saved} row records that a partition saved checkpoints ({@link #savedBefore}); only {@link #delete} removes
 * it, so checkpoint rows deleted by hand are noticed.
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

    private static final System.Logger LOG = System.getLogger(JdbcCheckpointStore.class.getName());
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,49}");
    private static final int SAVE_ATTEMPTS = 5;

    /** Opens a connection; a {@link DataSource} or {@link DriverManager}. */
    private interface Connector {
        Connection open() throws SQLException;
    }

    private final Connector connector;
    private final String table;
    private final StoreOptions options;
    private final Clock clock;
    private final String name;
    private final String password;
    private final JdbcWriterLock writerLock;
    private final ClaimHeartbeat heartbeat;
    private final Set<String> claimed = new HashSet<>();
    /** Jobs whose claim another writer took over: every later write of them throws this. */
    private final Map<String, WriterLostException> lost = new ConcurrentHashMap<>();
    private final List<Consumer<WriterLostException>> lostListeners = new CopyOnWriteArrayList<>();
    /** "job/partition" whose {@code _saved} row a committed save of this store wrote. */
    private final Set<String> marked = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, Object> jobMonitors = new ConcurrentHashMap<>();
    private volatile boolean schemaReady;
    private boolean closed;

    /** A store in {@value #DEFAULT_TABLE} with {@link StoreOptions#DEFAULTS}. */
    public JdbcCheckpointStore(DataSource dataSource) {
        this(dataSource, DEFAULT_TABLE, StoreOptions.DEFAULTS);
    }

    public JdbcCheckpointStore(DataSource dataSource, String table, StoreOptions options) {
        this(dataSource, table, options, DEFAULT_LOCK_STALE_AFTER);
    }

    /**
     * @param table the table name, {@code [A-Za-z_][A-Za-z0-9_]{0,49}}; {@code <table>_locks} is used too
     * @param lockStaleAfter how long a job's writer may stay idle before another writer may take over its claim
     */
    public JdbcCheckpointStore(DataSource dataSource, String table, StoreOptions options, Duration lockStaleAfter) {
        this(Objects.requireNonNull(dataSource, "dataSource")::getConnection, table, options,
                new Claims(lockStaleAfter, DEFAULT_LOCK_TIMEOUT, OwnerId.current(), OwnerId.ProcessProbe.REAL),
                "jdbc store (" + dataSource.getClass().getName() + ")", null, Clock.systemUTC());
    }

    /** A store with a given owner id, process probe and heartbeat, for tests that simulate other writers. */
    static JdbcCheckpointStore withClaims(DataSource dataSource, String table, StoreOptions options,
                                          Duration lockStaleAfter, Duration heartbeatEvery, Duration lockTimeout,
                                          OwnerId owner, OwnerId.ProcessProbe probe) {
        return new JdbcCheckpointStore(dataSource::getConnection, table, options,
                new Claims(lockStaleAfter, lockTimeout, owner, probe, heartbeatEvery),
                "jdbc store (" + dataSource.getClass().getName() + ")", null, Clock.systemUTC());
    }

    /**
     * A store connecting through {@link DriverManager}; the driver must be on the class path.
     *
     * @param url the JDBC URL; a password in it is masked in messages
     * @param user the user, or {@code null} to use the URL's
     * @param password the password, or {@code null}; never shown in messages or logs
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
        return new JdbcCheckpointStore(connector, table, options, new Claims(DEFAULT_LOCK_STALE_AFTER, lockTimeout,
                OwnerId.current(), OwnerId.ProcessProbe.REAL), "jdbc store " + UrlPasswords.mask(url), password,
                Clock.systemUTC());
    }

    /** How this store claims jobs: who it is, when a claim is stale, how often it beats, how long it waits. */
    private record Claims(Duration staleAfter, Duration lockTimeout, OwnerId owner, OwnerId.ProcessProbe probe,
                          Duration heartbeatEvery) {

        /** A heartbeat every quarter of {@code staleAfter}, never more often than every 100 ms. */
        Claims(Duration staleAfter, Duration lockTimeout, OwnerId owner, OwnerId.ProcessProbe probe) {
            this(staleAfter, lockTimeout, owner, probe, max(staleAfter.dividedBy(4), Duration.ofMillis(100)));
        }

        private static Duration max(Duration a, Duration b) {
            return a.compareTo(b) >= 0 ? a : b;
        }

        Claims {
            if (staleAfter.isNegative() || staleAfter.isZero()) {
                throw new IllegalArgumentException("lockStaleAfter must be positive, got " + staleAfter);
            }
            if (lockTimeout.isNegative() || lockTimeout.isZero()) {
                throw new IllegalArgumentException("lockTimeout must be positive, got " + lockTimeout);
            }
        }
    }

    private JdbcCheckpointStore(Connector connector, String table, StoreOptions options, Claims claims,
                                String description, String password, Clock clock) {
        if (table == null || !TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("invalid table name '" + table
                    + "': expected [A-Za-z_][A-Za-z0-9_]{0,49}");
        }
        this.connector = connector;
        this.table = table;
        this.options = Objects.requireNonNull(options, "options");
        this.clock = clock;
        this.name = description + " table " + table;
        this.password = password == null || password.isEmpty() ? null : password;
        this.writerLock = new JdbcWriterLock(table + "_locks", claims.owner(), claims.probe(), claims.staleAfter(),
                claims.lockTimeout());
        this.heartbeat = new ClaimHeartbeat(name, claims.heartbeatEvery(), this::beat);
    }

    /** The table holding the checkpoints. */
    public String table() {
        return table;
    }

    @Override
    public StoreOptions options() {
        return options;
    }

    /** The DDL of the two tables, for a DBA who prefers to create them. */
    public List<String> ddl() {
        return List.of("CREATE TABLE IF NOT EXISTS " + table + " ("
                        + "job VARCHAR(128) NOT NULL, "
                        + "partition_id VARCHAR(128) NOT NULL, "
                        + "generation BIGINT NOT NULL, "
                        + "created_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                        + "component_id VARCHAR(512) NOT NULL, "
                        + "version INTEGER NOT NULL, "
                        + "checksum VARCHAR(64) NOT NULL, "
                        + "audit TEXT, "
                        + "content TEXT NOT NULL, "
                        + "PRIMARY KEY (job, partition_id, generation))",
                JdbcWriterLock.ddl(table + "_locks"),
                "CREATE TABLE IF NOT EXISTS " + table + "_saved ("
                        + "job VARCHAR(128) NOT NULL, "
                        + "partition_id VARCHAR(128) NOT NULL, "
                        + "first_saved_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                        + "PRIMARY KEY (job, partition_id))");
    }

    @Override
    public CheckpointEnvelope save(String job, String partition, String componentId, JsonObject checkpoint,
                                   Audit audit) {
        validate(job, partition, componentId, checkpoint);
        claim(job);
        synchronized (monitor(job)) {
            for (int attempt = 1; ; attempt++) {
                try (Connection c = open(job)) {
                    try {
                        c.setAutoCommit(false);
                        CheckpointEnvelope envelope = insert(c, job, partition, componentId, checkpoint, audit);
                        c.commit();
                        marked.add(job + '/' + partition);
                        return envelope;
                    } catch (SQLException | RuntimeException e) {
                        rollbackQuietly(c);
                        throw e;
                    }
                } catch (SQLException e) {
                    if (isUniqueViolation(e) && attempt < SAVE_ATTEMPTS) {
                        continue; // Another transaction took this generation: compute max + 1 again.
                    }
                    throw failure(job, "saving partition '" + partition + "' failed", e);
                }
            }
        }
    }

    /**
     * Saves a checkpoint on the caller's connection inside the caller's transaction, without committing: it becomes
     * visible when the caller commits, and disappears if the caller rolls back. Takes this store's writer claim for
     * the job first (on a connection of its own) if it does not hold it yet.
     *
     * @param connection a connection to this store's database with auto-commit off
     * @throws IllegalStateException if auto-commit is on
     * @throws CheckpointStoreException on an SQL failure; the caller should then roll back
     */
    public CheckpointEnvelope saveInTransaction(Connection connection, String job, String partition,
                                                String componentId, JsonObject checkpoint, Audit audit) {
        validate(job, partition, componentId, checkpoint);
        claim(job);
        try {
            if (connection.getAutoCommit()) {
                throw new IllegalStateException(name + ": saveInTransaction needs a connection with auto-commit "
                        + "off, so that the caller's commit or rollback decides (job '" + job + "')");
            }
            return insert(connection, job, partition, componentId, checkpoint, audit);
        } catch (SQLException e) {
            throw failure(job, "saving partition '" + partition + "' in the caller's transaction failed", e);
        }
    }

    private CheckpointEnvelope insert(Connection c, String job, String partition, String componentId,
                                      JsonObject checkpoint, Audit audit) throws SQLException {
        if (!writerLock.fence(c, job)) {
            throw lost(job, writerLock.currentHolder(c, job), "not saving");
        }
        long newest;
        try (PreparedStatement max = c.prepareStatement("SELECT MAX(generation) FROM " + table
                + " WHERE job = ? AND partition_id = ? AND generation BETWEEN 1 AND ?")) {
            max.setString(1, job);
            max.setString(2, partition);
            max.setLong(3, CheckpointEnvelope.MAX_GENERATION);
            try (ResultSet rs = max.executeQuery()) {
                rs.next();
                newest = rs.getLong(1); // getLong gives 0 for NULL: no generation yet.
            }
        }
        if (newest >= CheckpointEnvelope.MAX_GENERATION) {
            throw new CheckpointStoreException(CheckpointStoreException.describe(name, job, "table " + table,
                    "partition '" + partition + "' has a row at generation " + newest + ", the largest a store may "
                            + "write, so no generation can follow it; if that row was planted, delete it"));
        }
        long next = newest + 1;
        markSaved(c, job, partition);
        CheckpointEnvelope e = EnvelopeCodec.seal(job, partition, next, clock.instant(), componentId, checkpoint,
                audit);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table
                + " (job, partition_id, generation, created_at, component_id, version, checksum, audit, content)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, job);
            insert.setString(2, partition);
            insert.setLong(3, next);
            insert.setObject(4, OffsetDateTime.ofInstant(e.createdAt(), ZoneOffset.UTC));
            insert.setString(5, componentId);
            insert.setInt(6, e.version());
            insert.setString(7, e.checksum());
            insert.setString(8, audit == null ? null : EnvelopeCodec.write(audit.toJson()));
            insert.setString(9, EnvelopeCodec.write(checkpoint));
            insert.executeUpdate();
        }
        prune(c, job, partition);
        return e;
    }

    /**
     * Records that (job, partition) has saved checkpoints: a row of {@code <table>_saved} that only {@link #delete}
     * removes. Runs under the claim's row lock, like the save; once a {@link #save} committed it, not again (a
     * {@link #saveInTransaction}, whose caller may roll back, runs it every time: one indexed statement).
     */
    private void markSaved(Connection c, String job, String partition) throws SQLException {
        if (marked.contains(job + '/' + partition)) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + "_saved (job, partition_id, "
                + "first_saved_at) SELECT ?, ?, CURRENT_TIMESTAMP FROM " + table + "_locks WHERE job = ? AND NOT "
                + "EXISTS (SELECT 1 FROM " + table + "_saved WHERE job = ? AND partition_id = ?)")) {
            insert.setString(1, job);
            insert.setString(2, partition);
            insert.setString(3, job);
            insert.setString(4, job);
            insert.setString(5, partition);
            insert.executeUpdate();
        }
    }

    @Override
    public boolean savedBefore(String job, String partition) {
        requireIds(job, partition);
        try (Connection c = open(job);
             PreparedStatement select = c.prepareStatement("SELECT 1 FROM " + table
                     + "_saved WHERE job = ? AND partition_id = ?")) {
            select.setString(1, job);
            select.setString(2, partition);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw failure(job, "reading whether partition '" + partition + "' saved checkpoints before failed", e);
        }
    }

    private void prune(Connection c, String job, String partition) throws SQLException {
        long oldestKept = 0;
        try (PreparedStatement select = c.prepareStatement("SELECT generation FROM " + table
                + " WHERE job = ? AND partition_id = ? AND generation BETWEEN 1 AND ? ORDER BY generation DESC")) {
            select.setString(1, job);
            select.setString(2, partition);
            select.setLong(3, CheckpointEnvelope.MAX_GENERATION);
            try (ResultSet rs = select.executeQuery()) {
                for (int kept = 0; kept < options.retention() && rs.next(); kept++) {
                    oldestKept = rs.getLong(1);
                }
            }
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table
                + " WHERE job = ? AND partition_id = ? AND generation < ?")) {
            delete.setString(1, job);
            delete.setString(2, partition);
            delete.setLong(3, oldestKept);
            delete.executeUpdate();
        }
    }

    @Override
    public Optional<CheckpointEnvelope> loadLatest(String job, String partition) {
        requireIds(job, partition);
        SkippedGenerations skipped = new SkippedGenerations("checkpoint row");
        try (Connection c = open(job);
             PreparedStatement select = c.prepareStatement(selectRows() + " ORDER BY generation DESC")) {
            select.setString(1, job);
            select.setString(2, partition);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long generation = rs.getLong(1);
                    try {
                        CheckpointEnvelope envelope = envelope(job, partition, rs);
                        if (!skipped.isEmpty()) {
                            LOG.log(System.Logger.Level.WARNING, CheckpointStoreException.describe(name, job,
                                    "table " + table, "partition '" + partition + "': "
                                            + skipped.warning(generation)));
                        }
                        return Optional.of(envelope);
                    } catch (InvalidCheckpointException e) {
                        skipped.add(generation, "generation " + generation + ": " + e.getMessage());
                    }
                }
            }
        } catch (SQLException e) {
            throw failure(job, "loading partition '" + partition + "' failed", e);
        }
        if (skipped.isEmpty()) {
            return Optional.empty();
        }
        throw new NoValidCheckpointException(CheckpointStoreException.describe(name, job, "table " + table,
                skipped.noneValid(partition)));
    }

    @Override
    public Optional<CheckpointEnvelope> load(String job, String partition, long generation) {
        requireIds(job, partition);
        try (Connection c = open(job);
             PreparedStatement select = c.prepareStatement(selectRows() + " AND generation = ?")) {
            select.setString(1, job);
            select.setString(2, partition);
            select.setLong(3, generation);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(envelope(job, partition, rs));
            } catch (InvalidCheckpointException e) {
                throw new CheckpointStoreException(CheckpointStoreException.describe(name, job, "table " + table,
                        "partition '" + partition + "' generation " + generation + " is corrupt: "
                                + e.getMessage()));
            }
        } catch (SQLException e) {
            throw failure(job, "loading partition '" + partition + "' generation " + generation + " failed", e);
        }
    }

    @Override
    public List<String> jobs() {
        List<String> jobs = new ArrayList<>();
        try (Connection c = connector.open()) {
            if (!schemaReady) {
                createSchema(c);
            }
            try (PreparedStatement select = c.prepareStatement("SELECT DISTINCT job FROM " + table + " ORDER BY job");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    jobs.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new CheckpointStoreException(name + ": listing the jobs failed: " + e.getMessage(), e);
        }
        return jobs;
    }

    @Override
    public List<CheckpointInfo> history(String job, String partition) {
        requireIds(job, partition);
        List<CheckpointInfo> history = new ArrayList<>();
        try (Connection c = open(job);
             PreparedStatement select = c.prepareStatement(selectRows() + " ORDER BY generation")) {
            select.setString(1, job);
            select.setString(2, partition);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    try {
                        history.add(envelope(job, partition, rs).info());
                    } catch (InvalidCheckpointException e) {
                        LOG.log(System.Logger.Level.WARNING, CheckpointStoreException.describe(name, job, "table "
                                + table, "corrupt checkpoint row left out of the history, partition '" + partition
                                + "' generation " + rs.getLong(1) + ": " + e.getMessage()));
                    }
                }
            }
        } catch (SQLException e) {
            throw failure(job, "reading the history of partition '" + partition + "' failed", e);
        }
        return history;
    }

    @Override
    public void delete(String job) {
        StoreIds.require("job", job);
        claim(job);
        synchronized (monitor(job)) {
            try (Connection c = open(job);
                 PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE job = ?");
                 PreparedStatement unmark = c.prepareStatement("DELETE FROM " + table + "_saved WHERE job = ?")) {
                c.setAutoCommit(false);
                try {
                    // As in a save: only while this store still holds the claim, so that a writer whose idle
                    // claim was taken over cannot delete the new owner's checkpoints.
                    if (!writerLock.fence(c, job)) {
                        throw lost(job, writerLock.currentHolder(c, job), "not deleting");
                    }
                    delete.setString(1, job);
                    delete.executeUpdate();
                    unmark.setString(1, job);
                    unmark.executeUpdate();
                    c.commit();
                    marked.removeIf(key -> key.startsWith(job + '/'));
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c);
                    throw e;
                }
            } catch (SQLException e) {
                throw failure(job, "deleting the job's checkpoints failed", e);
            }
        }
    }

    @Override
    public void lockForWriting(String job) {
        StoreIds.require("job", job);
        claim(job);
    }

    @Override
    public void onWriterLost(Consumer<WriterLostException> listener) {
        lostListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Releases this store's writer claims and stops its heartbeat. Reads still work afterwards; writes do not. */
    @Override
    public void close() {
        List<String> jobs;
        synchronized (claimed) {
            if (closed) {
                return;
            }
            closed = true;
            jobs = List.copyOf(claimed);
            claimed.clear();
        }
        heartbeat.close();
        if (jobs.isEmpty()) {
            return;
        }
        try (Connection c = connector.open()) {
            c.setAutoCommit(true);
            for (String job : jobs) {
                writerLock.release(c, job);
            }
        } catch (SQLException e) {
            throw failure(null, "releasing the writer claims of " + jobs + " failed (they expire after being idle)",
                    e);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    private static void requireIds(String job, String partition) {
        StoreIds.require("job", job);
        StoreIds.require("partition", partition);
    }

    private void validate(String job, String partition, String componentId, JsonObject checkpoint) {
        requireIds(job, partition);
        EnvelopeCodec.validate(job, partition, componentId, checkpoint, options.maxCheckpointBytes());
    }

    private void claim(String job) {
        synchronized (claimed) {
            if (closed) {
                throw new CheckpointStoreException(CheckpointStoreException.describe(name, job, "table " + table,
                        "the store is closed"));
            }
            WriterLostException taken = lost.get(job);
            if (taken != null) {
                throw taken; // never claimed again by this store: its writer must stop
            }
            if (claimed.contains(job)) {
                return;
            }
            String holder;
            try (Connection c = open(job)) {
                c.setAutoCommit(true);
                holder = writerLock.claim(c, job);
            } catch (SQLException e) {
                throw failure(job, "claiming the writer lock failed", e);
            }
            if (holder != null) {
                throw new CheckpointStoreException(name + ": job '" + job + "' is locked by another writer ("
                        + holder + ", lock table " + table + "_locks); only one writer per job may run at a time");
            }
            claimed.add(job);
        }
        heartbeat.start();
    }

    /** One heartbeat: refreshes every claim held, and finds those another writer took over. */
    private void beat() {
        List<String> jobs;
        synchronized (claimed) {
            jobs = List.copyOf(claimed);
        }
        for (String job : jobs) {
            try (Connection c = open(job)) {
                c.setAutoCommit(true);
                if (!writerLock.fence(c, job)) {
                    lost(job, writerLock.currentHolder(c, job), "not saving");
                }
            } catch (SQLException e) {
                LOG.log(System.Logger.Level.WARNING, failure(job, "refreshing the writer claim's heartbeat failed "
                        + "(a claim whose heartbeat stops is taken over by another writer after a while)", e)
                        .getMessage());
            }
        }
    }

    /**
     * Records that another writer took over {@code job}'s claim (once; later calls return the first), and tells the
     * listeners; returns the exception every later write of the job throws. After {@link #close()}, a released claim
     * is not a lost one: nothing is told.
     */
    private WriterLostException lost(String job, String holder, String notDoing) {
        WriterLostException e = new WriterLostException(job, CheckpointStoreException.describe(name, job, "table "
                + table + "_locks", "this store no longer holds the job's writer claim (owner " + writerLock.owner()
                + "): another writer took it over (" + holder + "); " + notDoing + ", and this writer must stop: the "
                + "checkpoints saved stay as they are"));
        boolean first;
        synchronized (claimed) {
            if (closed && !claimed.contains(job)) {
                return e;
            }
            first = lost.putIfAbsent(job, e) == null;
            claimed.remove(job);
        }
        if (!first) {
            return lost.get(job);
        }
        for (Consumer<WriterLostException> listener : lostListeners) {
            try {
                listener.accept(e);
            } catch (RuntimeException failed) {
                LOG.log(System.Logger.Level.WARNING, name + ": a writer-lost listener failed: " + failed);
            }
        }
        return e;
    }

    private Object monitor(String job) {
        return jobMonitors.computeIfAbsent(job, j -> new Object());
    }

    private String selectRows() {
        return "SELECT generation, created_at, component_id, version, checksum, audit, content FROM " + table
                + " WHERE job = ? AND partition_id = ?";
    }

    private static CheckpointEnvelope envelope(String job, String partition, ResultSet rs)
            throws SQLException, InvalidCheckpointException {
        long generation = rs.getLong(1);
        if (generation < 1 || generation > CheckpointEnvelope.MAX_GENERATION) {
            throw new InvalidCheckpointException("generation " + generation + " is out of range (1 to "
                    + CheckpointEnvelope.MAX_GENERATION + "); the store never writes such a row");
        }
        try {
            String audit = rs.getString(6);
            CheckpointEnvelope e = new CheckpointEnvelope(job, partition, generation,
                    rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3), rs.getInt(4),
                    EnvelopeCodec.read(rs.getString(7)), rs.getString(5),
                    audit == null ? null : Audit.fromJson(EnvelopeCodec.read(audit)));
            return EnvelopeCodec.verified(e);
        } catch (SQLException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidCheckpointException("malformed column (" + e + ")");
        }
    }

    private Connection open(String job) throws SQLException {
        StoreIds.require("job", job);
        Connection c = connector.open();
        if (!schemaReady) {
            createSchema(c);
        }
        return c;
    }

    private synchronized void createSchema(Connection c) throws SQLException {
        if (schemaReady) {
            return;
        }
        boolean autoCommit = c.getAutoCommit();
        try (Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            for (String ddl : ddl()) {
                s.execute(ddl);
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        } finally {
            if (!c.isClosed()) {
                c.setAutoCommit(autoCommit);
            }
        }
        schemaReady = true;
    }

    static boolean isUniqueViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if ("23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private CheckpointStoreException failure(String job, String problem, SQLException e) {
        if (job != null && JdbcWriterLock.isLockTimeout(e)) {
            return lockTimeout(job, problem);
        }
        // A driver may echo the URL ("No suitable driver found for jdbc:...password=...") or the password. Only the
        // password is masked: the driver's reason ("database "x" does not exist") is what the operator needs.
        String driverMessage = String.valueOf(e.getMessage());
        String maskedMessage = UrlPasswords.mask(driverMessage);
        String message = CheckpointStoreException.describe(name, job, "table " + table, problem + ": "
                + e.getClass().getSimpleName() + " [SQLState " + e.getSQLState() + "]: " + maskedMessage);
        boolean echoesSecret = password != null || !driverMessage.equals(maskedMessage);
        if (password != null) {
            message = message.replace(password, "****");
        }
        // The cause's own message could echo a secret back, so it is not attached when one may be in it.
        return echoesSecret ? new CheckpointStoreException(message) : new CheckpointStoreException(message, e);
    }

    /**
     * The error of a statement that gave up waiting for the lock of {@code job}'s claim row: who holds the claim and,
     * where the database says, which sessions hold locks on the table. Logged as a WARNING too, because a background
     * save may retry it before anyone reads the error.
     */
    private CheckpointStoreException lockTimeout(String job, String problem) {
        String holders;
        try (Connection c = connector.open()) {
            c.setAutoCommit(true);
            String claim = writerLock.currentHolder(c, job);
            holders = "the claim row names " + claim + (claim.contains(writerLock.owner()) ? " (this store)" : "")
                    + LockHolders.describe(c, writerLock.table());
        } catch (SQLException e) {
            holders = "who holds it could not be read: " + UrlPasswords.mask(String.valueOf(e.getMessage()));
        }
        if (password != null) {
            holders = holders.replace(password, "****");
        }
        CheckpointStoreException e = new CheckpointStoreException(CheckpointStoreException.describe(name, job,
                "table " + writerLock.table(), problem + ": the job's claim row stayed locked by another transaction "
                        + "for " + writerLock.lockTimeoutSeconds() + " s (the lock timeout); " + holders));
        LOG.log(System.Logger.Level.WARNING, e.getMessage());
        return e;
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The original failure is what matters.
        }
    }

}
