package io.connectorkit.store;

import io.connectorkit.store.EnvelopeCodec.InvalidCheckpointException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The SQL of a {@link JdbcCheckpointStore}: the names and DDL of its tables, the statements it runs on a connection it
 * is handed, and a row mapped back to a verified {@link CheckpointEnvelope}. Transactions, claims and error messages
 * are the store's.
 */
final class CheckpointTables {

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,49}");

    private final String table;
    private volatile boolean created;

    /** @param table the checkpoints table, {@code [A-Za-z_][A-Za-z0-9_]{0,49}}; the others are named after it */
    CheckpointTables(String table) {
        if (table == null || !TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("invalid table name '" + table
                    + "': expected [A-Za-z_][A-Za-z0-9_]{0,49}");
        }
        this.table = table;
    }

    /** The table holding the checkpoints. */
    String name() {
        return table;
    }

    /** The table of the writer claims, one row per job. */
    String locks() {
        return table + "_locks";
    }

    /** The DDL of the three tables. */
    List<String> ddl() {
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
                JdbcWriterLock.ddl(locks()),
                "CREATE TABLE IF NOT EXISTS " + table + "_saved ("
                        + "job VARCHAR(128) NOT NULL, "
                        + "partition_id VARCHAR(128) NOT NULL, "
                        + "first_saved_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                        + "PRIMARY KEY (job, partition_id))");
    }

    /** Creates the tables on {@code c} unless this object did already; a failure closes {@code c}. */
    void createOnce(Connection c) throws SQLException {
        if (!created) {
            create(c);
        }
    }

    private synchronized void create(Connection c) throws SQLException {
        if (created) {
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
        created = true;
    }

    /** The newest generation of (job, partition) in the valid range; 0 when there is none. */
    long newest(Connection c, String job, String partition) throws SQLException {
        try (PreparedStatement max = c.prepareStatement("SELECT MAX(generation) FROM " + table
                + " WHERE job = ? AND partition_id = ? AND generation BETWEEN 1 AND ?")) {
            max.setString(1, job);
            max.setString(2, partition);
            max.setLong(3, CheckpointEnvelope.MAX_GENERATION);
            try (ResultSet rs = max.executeQuery()) {
                rs.next();
                return rs.getLong(1); // getLong gives 0 for NULL: no generation yet.
            }
        }
    }

    /** Inserts a sealed envelope as a row. */
    void insert(Connection c, CheckpointEnvelope e) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table
                + " (job, partition_id, generation, created_at, component_id, version, checksum, audit, content)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, e.job());
            insert.setString(2, e.partition());
            insert.setLong(3, e.generation());
            insert.setObject(4, OffsetDateTime.ofInstant(e.createdAt(), ZoneOffset.UTC));
            insert.setString(5, e.componentId());
            insert.setInt(6, e.version());
            insert.setString(7, e.checksum());
            insert.setString(8, e.audit() == null ? null : EnvelopeCodec.write(e.audit().toJson()));
            insert.setString(9, EnvelopeCodec.write(e.checkpoint()));
            insert.executeUpdate();
        }
    }

    /**
     * Inserts the {@code _saved} row of (job, partition) unless there is one, and only while the job has a claim row
     * (which the caller's transaction holds locked).
     */
    void markSaved(Connection c, String job, String partition) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + "_saved (job, partition_id, "
                + "first_saved_at) SELECT ?, ?, CURRENT_TIMESTAMP FROM " + locks() + " WHERE job = ? AND NOT "
                + "EXISTS (SELECT 1 FROM " + table + "_saved WHERE job = ? AND partition_id = ?)")) {
            insert.setString(1, job);
            insert.setString(2, partition);
            insert.setString(3, job);
            insert.setString(4, job);
            insert.setString(5, partition);
            insert.executeUpdate();
        }
    }

    /** Whether (job, partition) has a {@code _saved} row. */
    boolean savedBefore(Connection c, String job, String partition) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM " + table
                + "_saved WHERE job = ? AND partition_id = ?")) {
            select.setString(1, job);
            select.setString(2, partition);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Deletes the generations of (job, partition) older than the newest {@code retention} ones. */
    void prune(Connection c, String job, String partition, int retention) throws SQLException {
        long oldestKept = 0;
        try (PreparedStatement select = c.prepareStatement("SELECT generation FROM " + table
                + " WHERE job = ? AND partition_id = ? AND generation BETWEEN 1 AND ? ORDER BY generation DESC")) {
            select.setString(1, job);
            select.setString(2, partition);
            select.setLong(3, CheckpointEnvelope.MAX_GENERATION);
            try (ResultSet rs = select.executeQuery()) {
                for (int kept = 0; kept < retention && rs.next(); kept++) {
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

    /**
     * A query of (job, partition)'s rows, for {@link #envelope}; the caller closes it.
     *
     * @param tail what follows the {@code WHERE} on job and partition, e.g. {@code " ORDER BY generation"}
     */
    PreparedStatement selectRows(Connection c, String job, String partition, String tail) throws SQLException {
        PreparedStatement select = c.prepareStatement("SELECT generation, created_at, component_id, version, "
                + "checksum, audit, content FROM " + table + " WHERE job = ? AND partition_id = ?" + tail);
        try {
            select.setString(1, job);
            select.setString(2, partition);
            return select;
        } catch (SQLException e) {
            select.close();
            throw e;
        }
    }

    /**
     * The envelope of the current row of a {@link #selectRows} query, verified.
     *
     * @throws InvalidCheckpointException when a column is malformed, the generation out of range or the checksum
     *     does not match
     */
    static CheckpointEnvelope envelope(String job, String partition, ResultSet rs)
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

    /** The jobs that have a checkpoint row, sorted. */
    List<String> jobs(Connection c) throws SQLException {
        List<String> jobs = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT DISTINCT job FROM " + table + " ORDER BY job");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                jobs.add(rs.getString(1));
            }
        }
        return jobs;
    }

    /** Deletes every checkpoint row of {@code job} and its {@code _saved} rows. */
    void deleteJob(Connection c, String job) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE job = ?");
             PreparedStatement unmark = c.prepareStatement("DELETE FROM " + table + "_saved WHERE job = ?")) {
            delete.setString(1, job);
            delete.executeUpdate();
            unmark.setString(1, job);
            unmark.executeUpdate();
        }
    }

    /** Deletes every checkpoint row of (job, partition) and its {@code _saved} row. */
    void deletePartition(Connection c, String job, String partition) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table
                + " WHERE job = ? AND partition_id = ?");
             PreparedStatement unmark = c.prepareStatement("DELETE FROM " + table
                     + "_saved WHERE job = ? AND partition_id = ?")) {
            delete.setString(1, job);
            delete.setString(2, partition);
            delete.executeUpdate();
            unmark.setString(1, job);
            unmark.setString(2, partition);
            unmark.executeUpdate();
        }
    }

    /** Whether {@code e} (or one chained to it) is a unique-key violation, SQLState 23505. */
    static boolean isUniqueViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if ("23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
