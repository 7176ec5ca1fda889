package io.connectorkit.runtime.store;

import io.connectorkit.api.configuration.UrlPasswords;
import io.connectorkit.runtime.store.EnvelopeCodec.InvalidCheckpointException;
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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A {@link CheckpointStore} in a database table, through plain JDBC ({@code java.sql} only: the driver is the
 * host's). Tested on H2 and PostgreSQL.
 *
 * <h2>Tables</h2> Created on first use ({@code CREATE TABLE IF NOT EXISTS}), named {@code <table>} (default
 * {@value #DEFAULT_TABLE}) and {@code <table>_locks}:
 * <pre>
 * CREATE TABLE IF NOT EXISTS connectorkit_checkpoints (
 *   job VARCHAR(128) NOT NULL, partition_id VARCHAR(128) NOT NULL, generation BIGINT NOT NULL,
 *   created_at TIMESTAMP WITH TIME ZONE NOT NULL, component_id VARCHAR(512) NOT NULL, version INTEGER NOT NULL,
 *   checksum VARCHAR(64) NOT NULL, audit TEXT, content TEXT NOT NULL,
 *   PRIMARY KEY (job, partition_id, generation))
 * CREATE TABLE IF NOT EXISTS connectorkit_checkpoints_locks (
 *   job VARCHAR(128) NOT NULL PRIMARY KEY, owner VARCHAR(200) NOT NULL,
 *   claimed_at TIMESTAMP WITH TIME ZONE NOT NULL, heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL)
 * </pre>
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
 * {@code (job, owner)} into the locks table; it is deleted on {@link #close()}. Another store finding a live claim
 * fails fast. A claim whose heartbeat (refreshed by every save, in the database's clock) is older than
 * {@code lockStaleAfter} (default 10 minutes) is taken over, which is how a crashed writer's claim is recovered; the
 * old writer's next save then fails, because each save checks it still holds the claim.
 *
 * <p>Passwords never appear in messages or logs. Thread-safe; saves of one job are serialised.
 */
public final class JdbcCheckpointStore implements CheckpointStore {

    /** The default table name. */
    public static final String DEFAULT_TABLE = "connectorkit_checkpoints";
    /** The default idle time after which another writer may take over a job's claim. */
    public static final Duration DEFAULT_LOCK_STALE_AFTER = Duration.ofMinutes(10);

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
    private final Set<String> claimed = new HashSet<>();
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
        this(Objects.requireNonNull(dataSource, "dataSource")::getConnection, table, options, lockStaleAfter,
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
        Objects.requireNonNull(url, "url");
        Connector connector = user == null && password == null
                ? () -> DriverManager.getConnection(url)
                : () -> DriverManager.getConnection(url, user, password);
        return new JdbcCheckpointStore(connector, table, options, DEFAULT_LOCK_STALE_AFTER,
                "jdbc store " + UrlPasswords.mask(url), password, Clock.systemUTC());
    }

    private JdbcCheckpointStore(Connector connector, String table, StoreOptions options, Duration lockStaleAfter,
                                String description, String password, Clock clock) {
        if (table == null || !TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("invalid table name '" + table
                    + "': expected [A-Za-z_][A-Za-z0-9_]{0,49}");
        }
        if (lockStaleAfter.isNegative() || lockStaleAfter.isZero()) {
            throw new IllegalArgumentException("lockStaleAfter must be positive, got " + lockStaleAfter);
        }
        this.connector = connector;
        this.table = table;
        this.options = Objects.requireNonNull(options, "options");
        this.clock = clock;
        this.name = description + " table " + table;
        this.password = password == null || password.isEmpty() ? null : password;
        this.writerLock = new JdbcWriterLock(table + "_locks", OwnerId.current(), lockStaleAfter);
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
                JdbcWriterLock.ddl(table + "_locks"));
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
            forgetClaim(job);
            throw new CheckpointStoreException(CheckpointStoreException.describe(name, job, "table " + table
                    + "_locks", "this store no longer holds the writer claim (owner " + writerLock.owner()
                    + "): another writer took it over after it was idle; not saving"));
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
                 PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE job = ?")) {
                c.setAutoCommit(false);
                try {
                    // As in a save: only while this store still holds the claim, so that a writer whose idle
                    // claim was taken over cannot delete the new owner's checkpoints.
                    if (!writerLock.fence(c, job)) {
                        forgetClaim(job);
                        throw new CheckpointStoreException(CheckpointStoreException.describe(name, job, "table "
                                + table + "_locks", "this store no longer holds the writer claim (owner "
                                + writerLock.owner() + "): another writer took it over; not deleting"));
                    }
                    delete.setString(1, job);
                    delete.executeUpdate();
                    c.commit();
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

    /** Releases this store's writer claims. Reads still work afterwards; writes do not. */
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
    }

    private void forgetClaim(String job) {
        synchronized (claimed) {
            claimed.remove(job);
        }
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

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The original failure is what matters.
        }
    }

}
