package io.connectorkit.samples.cdc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.postgresql.replication.LogSequenceNumber;

/**
 * A plain connection beside the stream, opened when first needed: the server's current WAL position (for the lag),
 * and the slot's advance after the stream closed (the final checkpoint's acknowledgement).
 */
final class ServerPosition implements AutoCloseable {

    private static final String OBJECT_IN_USE = "55006";

    private final CdcConnections connections;
    private Connection connection;

    ServerPosition(CdcConnections connections) {
        this.connections = connections;
    }

    /** The server's current WAL position, or {@code null} when it cannot be asked now (then asked again later). */
    LogSequenceNumber current() {
        try (PreparedStatement query = connection().prepareStatement("SELECT pg_current_wal_lsn()::text");
                ResultSet row = query.executeQuery()) {
            row.next();
            return LogSequenceNumber.valueOf(row.getString(1));
        } catch (SQLException | IllegalStateException e) {
            closeQuietly();
            return null;
        }
    }

    /**
     * Moves the slot's confirmed position to {@code lsn}, once its stream has let go of it (within two seconds); a
     * slot already past it stays where it is. When that fails nothing is lost: the next run acknowledges a later
     * checkpoint.
     */
    void advanceSlot(String slot, LogSequenceNumber lsn) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (true) {
            try (PreparedStatement advance = connection().prepareStatement(
                    "SELECT pg_replication_slot_advance(?, ?::pg_lsn) FROM pg_replication_slots "
                            + "WHERE slot_name = ? AND confirmed_flush_lsn < ?::pg_lsn")) {
                advance.setString(1, slot);
                advance.setString(2, lsn.asString());
                advance.setString(3, slot);
                advance.setString(4, lsn.asString());
                advance.execute();
                return;
            } catch (SQLException e) {
                if (!OBJECT_IN_USE.equals(e.getSQLState()) || System.nanoTime() - deadline >= 0) {
                    return; // acknowledged by the next run instead; the checkpoint itself is durable
                }
                pause();
            } catch (IllegalStateException e) {
                return; // no connection: the same
            }
        }
    }

    private Connection connection() {
        if (connection == null) {
            connection = connections.plain();
        }
        return connection;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (SQLException ignored) {
            // a broken connection: a new one is opened next time
        }
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            Connection closing = connection;
            connection = null;
            closing.close();
        }
    }
}
