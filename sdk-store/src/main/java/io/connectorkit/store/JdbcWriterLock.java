package io.connectorkit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Single-writer claims for the JDBC store: one row per job in the locks table, {@code (job, owner, claimed_at,
 * heartbeat_at)}, times from the database clock so that hosts' clocks do not matter.
 *
 * <p>The owner is an {@link OwnerId}: a random run id per store, so that no two writers share one, plus what proves
 * that a claim's process has ended. The holder keeps its heartbeat fresh ({@link #fence}, from every save and from
 * the store's heartbeat thread); a claim whose heartbeat is older than {@code staleAfter} is taken over, with a
 * warning: that is how a crashed writer's claim is recovered, from any host. A claim whose process provably ended (same
 * kernel boot, same PID namespace, pid gone or reused) is taken over at once. A pid of another namespace proves
 * nothing, so a live writer there never loses its claim to this rule.
 *
 * <p>Every save runs {@link #fence} in its own transaction: it refreshes the heartbeat only if this owner still holds
 * the row, and row-locks it until commit. So saves of one job are serialised by the database, and a writer whose claim
 * was taken over cannot write any more. Every statement that may wait for the row's lock gives up after
 * {@code lockTimeout} with a {@link SQLTimeoutException}-like error ({@link #isLockTimeout}), instead of hanging
 * while another transaction holds the row.
 */
final class JdbcWriterLock {

    private static final System.Logger LOG = System.getLogger(JdbcCheckpointStore.class.getName());

    private final String table;
    private final OwnerId self;
    private final String owner;
    private final OwnerId.ProcessProbe probe;
    private final Duration staleAfter;
    private final int lockTimeoutSeconds;

    /**
     * @param lockTimeout how long a statement may wait for the claim row's lock; whole seconds, at least one
     */
    JdbcWriterLock(String table, OwnerId self, OwnerId.ProcessProbe probe, Duration staleAfter, Duration lockTimeout) {
        this.table = table;
        this.self = self;
        this.owner = self.toString();
        this.probe = probe;
        this.staleAfter = staleAfter;
        this.lockTimeoutSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (lockTimeout.toMillis() + 999) / 1000));
    }

    String owner() {
        return owner;
    }

    String table() {
        return table;
    }

    int lockTimeoutSeconds() {
        return lockTimeoutSeconds;
    }

    static String ddl(String table) {
        return "CREATE TABLE IF NOT EXISTS " + table + " ("
                + "job VARCHAR(128) NOT NULL PRIMARY KEY, "
                + "owner VARCHAR(200) NOT NULL, "
                + "claimed_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                + "heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL)";
    }

    /**
     * Claims {@code job} on an auto-commit connection.
     *
     * @return {@code null} when claimed, else a description of the current holder
     */
    String claim(Connection c, String job) throws SQLException {
        for (int attempt = 0; attempt < 3; attempt++) {
            try (PreparedStatement insert = prepare(c, "INSERT INTO " + table
                    + " (job, owner, claimed_at, heartbeat_at) VALUES (?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
                insert.setString(1, job);
                insert.setString(2, owner);
                insert.executeUpdate();
                return null;
            } catch (SQLException e) {
                if (!CheckpointTables.isUniqueViolation(e)) {
                    throw e;
                }
            }
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT owner, heartbeat_at, CURRENT_TIMESTAMP FROM " + table + " WHERE job = ?")) {
                select.setString(1, job);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        continue; // Released meanwhile: try inserting again.
                    }
                    String holder = rs.getString(1);
                    OffsetDateTime heartbeat = rs.getObject(2, OffsetDateTime.class);
                    OffsetDateTime now = rs.getObject(3, OffsetDateTime.class);
                    if (holder.equals(owner)) {
                        return null;
                    }
                    Duration idle = Duration.between(heartbeat, now);
                    boolean ended = self.provesEnded(holder, probe);
                    if (idle.compareTo(staleAfter) <= 0 && !ended) {
                        return "owner " + StoreIds.printable(holder, 200) + ", last heartbeat " + heartbeat + " ("
                                + idle.toSeconds() + " s ago; a claim whose heartbeat stops is taken over after "
                                + staleAfter.toSeconds() + " s)";
                    }
                    if (takeOver(c, job, holder, heartbeat)) {
                        LOG.log(System.Logger.Level.WARNING, "table " + table + ": took over the writer claim of job '"
                                + job + "' from " + StoreIds.printable(holder, 200) + (ended
                                ? ", a process of this host and PID namespace that has ended"
                                : ", whose heartbeat stopped " + idle.toSeconds() + " s ago"));
                        return null;
                    }
                }
            }
        }
        return "the claim changed hands repeatedly while claiming it";
    }

    private boolean takeOver(Connection c, String job, String holder, OffsetDateTime heartbeat) throws SQLException {
        try (PreparedStatement update = prepare(c, "UPDATE " + table
                + " SET owner = ?, claimed_at = CURRENT_TIMESTAMP, heartbeat_at = CURRENT_TIMESTAMP"
                + " WHERE job = ? AND owner = ? AND heartbeat_at = ?")) {
            update.setString(1, owner);
            update.setString(2, job);
            update.setString(3, holder);
            update.setObject(4, heartbeat);
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Refreshes the heartbeat and row-locks the claim: inside a save's transaction, or alone on an auto-commit
     * connection as a heartbeat.
     *
     * @return whether this owner still holds the claim
     */
    boolean fence(Connection c, String job) throws SQLException {
        try (PreparedStatement update = prepare(c, "UPDATE " + table
                + " SET heartbeat_at = CURRENT_TIMESTAMP WHERE job = ? AND owner = ?")) {
            update.setString(1, job);
            update.setString(2, owner);
            return update.executeUpdate() == 1;
        }
    }

    /** The claim's owner and heartbeat as the row says now, for messages; "no claim" when there is no row. */
    String currentHolder(Connection c, String job) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT owner, heartbeat_at FROM " + table + " WHERE job = ?")) {
            select.setString(1, job);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? "owner " + StoreIds.printable(rs.getString(1), 200) + ", last heartbeat "
                        + rs.getObject(2, OffsetDateTime.class) : "no claim";
            }
        }
    }

    /** Releases the claim if this owner still holds it. */
    void release(Connection c, String job) throws SQLException {
        try (PreparedStatement delete = prepare(c, "DELETE FROM " + table + " WHERE job = ? AND owner = ?")) {
            delete.setString(1, job);
            delete.setString(2, owner);
            delete.executeUpdate();
        }
    }

    /** A statement that gives up after the lock timeout rather than wait for another transaction's row lock. */
    private PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        statement.setQueryTimeout(lockTimeoutSeconds);
        return statement;
    }

    /**
     * Whether {@code e} says a statement gave up waiting: the JDBC query timeout (PostgreSQL cancels it, 57014), a
     * lock timeout (PostgreSQL 55P03, H2 HYT00) or H2's own lock wait limit.
     */
    static boolean isLockTimeout(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            String state = s.getSQLState();
            if (s instanceof SQLTimeoutException || "57014".equals(state) || "55P03".equals(state)
                    || "HYT00".equals(state)) {
                return true;
            }
        }
        return false;
    }
}
