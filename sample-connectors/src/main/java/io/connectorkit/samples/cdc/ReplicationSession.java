package io.connectorkit.samples.cdc;

import io.connectorkit.samples.cdc.SlotCheck.Slot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;

/**
 * The replication connection of one {@link CdcInput} run: checks or creates the publication and the slot, reads the
 * published tables' primary keys, and starts the stream where {@link SlotCheck} says.
 */
final class ReplicationSession implements AutoCloseable {

    private static final String OBJECT_IN_USE = "55006";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    /** What a refused user lacks. */
    static final String PRIVILEGES = "The user needs the REPLICATION attribute (ALTER ROLE ... REPLICATION) to "
            + "create and read a slot, and to own the tables (or be a superuser) to create a publication";

    private final CdcInputConfig configuration;
    private final CdcConnections connections;
    private Connection connection;
    private PGReplicationStream stream;
    private LogSequenceNumber start;
    private final Map<String, Set<String>> primaryKeys = new HashMap<>();

    ReplicationSession(CdcInputConfig configuration) {
        this.configuration = configuration;
        this.connections = new CdcConnections(configuration);
    }

    /**
     * Opens the connection and starts streaming after {@code checkpoint}, or, on a first run ({@code null}), from the
     * slot's position (a new slot's consistent point).
     */
    PGReplicationStream start(LogSequenceNumber checkpoint) {
        connection = connections.replication();
        String step = "checking the publication '" + configuration.getPublication() + "'";
        try {
            publication();
            step = "reading the published tables' primary keys";
            readPrimaryKeys();
            step = "checking the replication slot '" + configuration.getSlot() + "'";
            Slot slot = slot();
            if (slot == null && checkpoint == null) {
                step = "creating the replication slot '" + configuration.getSlot() + "'";
                createSlot();
                slot = slot();
            }
            start = SlotCheck.startFrom(slot, checkpoint, configuration.getSlot(), database());
            step = "starting to stream from the slot '" + configuration.getSlot() + "' at " + start.asString();
            stream = startStreaming();
            return stream;
        } catch (SQLException e) {
            throw new IllegalStateException(step + " on " + connections.url() + ": " + connections.hide(e)
                    + advice(e), null);
        }
    }

    /** Where the stream started. */
    LogSequenceNumber startPosition() {
        return start;
    }

    /** The primary key columns by {@code schema.table}, of the tables published when the stream started. */
    Map<String, Set<String>> primaryKeys() {
        return primaryKeys;
    }

    private void publication() throws SQLException {
        List<String> published = new ArrayList<>();
        boolean exists = false;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT p.pubname, t.schemaname, t.tablename FROM pg_publication p LEFT JOIN pg_publication_tables t "
                        + "ON t.pubname = p.pubname WHERE p.pubname = ?")) {
            query.setString(1, configuration.getPublication());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    exists = true;
                    if (rows.getString(2) != null) {
                        published.add(rows.getString(2) + "." + rows.getString(3));
                    }
                }
            }
        }
        List<String> tables = configuration.getTables();
        if (!exists) {
            if (tables.isEmpty()) {
                throw new IllegalStateException("the publication '" + configuration.getPublication() + "' does not "
                        + "exist: list the tables to publish in configuration.tables and the input creates it, or "
                        + "create it (CREATE PUBLICATION ... FOR TABLE ...)");
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE PUBLICATION " + quote(configuration.getPublication()) + " FOR TABLE "
                        + String.join(", ", tables));
            }
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String table : tables) {
            String qualified = table.contains(".") ? table.replace("\"", "") : "public." + table.replace("\"", "");
            if (!published.contains(qualified)) {
                missing.add(table);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the publication '" + configuration.getPublication() + "' does not "
                    + "publish " + missing + " of configuration.tables; it publishes " + published + ". Add them "
                    + "(ALTER PUBLICATION ... ADD TABLE ...) or leave them out of configuration.tables");
        }
    }

    private void readPrimaryKeys() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT n.nspname, c.relname, a.attname FROM pg_publication_tables t "
                        + "JOIN pg_namespace n ON n.nspname = t.schemaname "
                        + "JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = t.tablename "
                        + "JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary "
                        + "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey) "
                        + "WHERE t.pubname = ?")) {
            query.setString(1, configuration.getPublication());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    primaryKeys.computeIfAbsent(rows.getString(1) + "." + rows.getString(2),
                            key -> new LinkedHashSet<>()).add(rows.getString(3));
                }
            }
        }
    }

    private Slot slot() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT plugin, database, "
                + "confirmed_flush_lsn::text FROM pg_replication_slots WHERE slot_name = ?")) {
            query.setString(1, configuration.getSlot());
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                String confirmed = rows.getString(3);
                return new Slot(configuration.getSlot(), rows.getString(1), rows.getString(2),
                        confirmed == null ? null : LogSequenceNumber.valueOf(confirmed));
            }
        }
    }

    private String database() throws SQLException {
        try (Statement query = connection.createStatement(); ResultSet row = query.executeQuery(
                "SELECT current_database()")) {
            row.next();
            return row.getString(1);
        }
    }

    private void createSlot() throws SQLException {
        connection.unwrap(PGConnection.class).getReplicationAPI().createReplicationSlot().logical()
                .withSlotName(configuration.getSlot()).withOutputPlugin("pgoutput").make();
    }

    /** Starts the stream; a slot still held by a reader going away (a killed run) is waited for, for a while. */
    private PGReplicationStream startStreaming() throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(configuration.getActiveSlotWaitMs());
        while (true) {
            try {
                return connection.unwrap(PGConnection.class).getReplicationAPI().replicationStream().logical()
                        .withSlotName(configuration.getSlot())
                        .withStartPosition(start)
                        .withSlotOption("proto_version", 1)
                        .withSlotOption("publication_names", configuration.getPublication())
                        .withStatusInterval(configuration.getStatusIntervalMs(), TimeUnit.MILLISECONDS)
                        .start();
            } catch (SQLException e) {
                if (!OBJECT_IN_USE.equals(e.getSQLState()) || System.nanoTime() - deadline >= 0) {
                    throw e;
                }
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the replication slot", e);
        }
    }

    private String advice(SQLException e) {
        if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
            return ". " + PRIVILEGES;
        }
        if (OBJECT_IN_USE.equals(e.getSQLState())) {
            return ". Another reader holds the slot (waited " + configuration.getActiveSlotWaitMs() + " ms, "
                    + "configuration.activeSlotWaitMs): is this job running elsewhere?";
        }
        return "";
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void close() throws SQLException {
        try {
            if (stream != null && !stream.isClosed()) {
                stream.close();
            }
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
    }
}
