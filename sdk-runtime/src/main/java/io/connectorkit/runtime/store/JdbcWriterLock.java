package io.connectorkit.runtime.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Single-writer claims for the JDBC store: one row per job in the locks table, {@code (job, owner, claimed_at,
 * heartbeat_at)}, times from the database clock so that hosts' clocks do not matter.
 *
 * <p>Every save runs {@link #fence} in its own transaction: it refreshes the heartbeat only if this owner still holds
 * the row, and row-locks it until commit. So saves of one job are serialised by the database, and a writer whose claim
 * was taken over (after being idle longer than {@code staleAfter}) cannot write any more. A claim whose heartbeat is
 * older than {@code staleAfter} is taken over, with a warning: that is how a crashed writer's claim is recovered. A
 * claim held by a process of this host that has ended (a crashed runner restarted on the same machine) is taken over
 * at once.
 */
final class JdbcWriterLock {

    private static final System.Logger LOG = System.getLogger(JdbcCheckpointStore.class.getName());

    private final String table;
    private final String owner;
    private final Duration staleAfter;

    JdbcWriterLock(String table, String owner, Duration staleAfter) {
        this.table = table;
        this.owner = owner;
        this.staleAfter = staleAfter;
    }

    String owner() {
        return owner;
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
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table
                    + " (job, owner, claimed_at, heartbeat_at) VALUES (?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
                insert.setString(1, job);
                insert.setString(2, owner);
                insert.executeUpdate();
                return null;
            } catch (SQLException e) {
                if (!JdbcCheckpointStore.isUniqueViolation(e)) {
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
                    boolean dead = OwnerId.isDeadProcessOnThisHost(holder);
                    if (idle.compareTo(staleAfter) <= 0 && !dead) {
                        return "owner " + holder + ", last heartbeat " + heartbeat + " (" + idle.toSeconds()
                                + " s ago; a claim is taken over after " + staleAfter.toSeconds() + " s)";
                    }
                    if (takeOver(c, job, holder, heartbeat)) {
                        LOG.log(System.Logger.Level.WARNING, "table " + table + ": took over the writer claim of job '"
                                + job + "' from " + holder + (dead ? ", a process of this host that has ended"
                                        : ", idle for " + idle.toSeconds() + " s"));
                        return null;
                    }
                }
            }
        }
        return "the claim changed hands repeatedly while claiming it";
    }

    private boolean takeOver(Connection c, String job, String holder, OffsetDateTime heartbeat) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE " + table
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
     * Inside a save's transaction: refreshes the heartbeat and row-locks the claim.
     *
     * @return whether this owner still holds the claim
     */
    boolean fence(Connection c, String job) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE " + table
                + " SET heartbeat_at = CURRENT_TIMESTAMP WHERE job = ? AND owner = ?")) {
            update.setString(1, job);
            update.setString(2, owner);
            return update.executeUpdate() == 1;
        }
    }

    /** Releases the claim if this owner still holds it. */
    void release(Connection c, String job) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE job = ? AND owner = ?")) {
            delete.setString(1, job);
            delete.setString(2, owner);
            delete.executeUpdate();
        }
    }
}
