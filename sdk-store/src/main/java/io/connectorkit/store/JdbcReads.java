package io.connectorkit.store;

import io.connectorkit.store.EnvelopeCodec.InvalidCheckpointException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reads of a {@link JdbcCheckpointStore}, which need no claim: the newest valid generation (skipping corrupt rows
 * with one warning), one generation, the history, the jobs and the {@code _saved} trace. Each runs on a connection of
 * its own, in auto-commit. Thread-safe.
 */
final class JdbcReads {

    private static final System.Logger LOG = System.getLogger(JdbcCheckpointStore.class.getName());

    private final String store;
    private final CheckpointTables tables;
    private final JdbcErrors errors;
    private final JdbcClaims.Connections connections;
    private final JdbcCheckpointStore.Connector connector;

    /**
     * @param store the store's description, for messages
     * @param connections opens a connection for a job's statements, the tables created
     * @param connector opens a connection for statements about no job
     */
    JdbcReads(String store, CheckpointTables tables, JdbcErrors errors, JdbcClaims.Connections connections,
              JdbcCheckpointStore.Connector connector) {
        this.store = store;
        this.tables = tables;
        this.errors = errors;
        this.connections = connections;
        this.connector = connector;
    }

    /** See {@link CheckpointStore#loadLatest}. */
    Optional<CheckpointEnvelope> loadLatest(String job, String partition) {
        requireIds(job, partition);
        SkippedGenerations skipped = new SkippedGenerations("checkpoint row");
        try (Connection c = connections.open(job);
             PreparedStatement select = tables.selectRows(c, job, partition, " ORDER BY generation DESC");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                long generation = rs.getLong(1);
                try {
                    CheckpointEnvelope envelope = CheckpointTables.envelope(job, partition, rs);
                    if (!skipped.isEmpty()) {
                        LOG.log(System.Logger.Level.WARNING, errors.describe(job, "partition '" + partition + "': "
                                + skipped.warning(generation)));
                    }
                    return Optional.of(envelope);
                } catch (InvalidCheckpointException e) {
                    skipped.add(generation, "generation " + generation + ": " + e.getMessage());
                }
            }
        } catch (SQLException e) {
            throw errors.failure(job, "loading partition '" + partition + "' failed", e);
        }
        if (skipped.isEmpty()) {
            return Optional.empty();
        }
        throw new NoValidCheckpointException(errors.describe(job, skipped.noneValid(partition)));
    }

    /** See {@link CheckpointStore#load}. */
    Optional<CheckpointEnvelope> load(String job, String partition, long generation) {
        requireIds(job, partition);
        try (Connection c = connections.open(job);
             PreparedStatement select = tables.selectRows(c, job, partition, " AND generation = ?")) {
            select.setLong(3, generation);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(CheckpointTables.envelope(job, partition, rs));
            } catch (InvalidCheckpointException e) {
                throw new CheckpointStoreException(errors.describe(job, "partition '" + partition + "' generation "
                        + generation + " is corrupt: " + e.getMessage()));
            }
        } catch (SQLException e) {
            throw errors.failure(job, "loading partition '" + partition + "' generation " + generation + " failed", e);
        }
    }

    /** See {@link CheckpointStore#history}. */
    List<CheckpointInfo> history(String job, String partition) {
        requireIds(job, partition);
        List<CheckpointInfo> history = new ArrayList<>();
        try (Connection c = connections.open(job);
             PreparedStatement select = tables.selectRows(c, job, partition, " ORDER BY generation");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                try {
                    history.add(CheckpointTables.envelope(job, partition, rs).info());
                } catch (InvalidCheckpointException e) {
                    LOG.log(System.Logger.Level.WARNING, errors.describe(job, "corrupt checkpoint row left out of "
                            + "the history, partition '" + partition + "' generation " + rs.getLong(1) + ": "
                            + e.getMessage()));
                }
            }
        } catch (SQLException e) {
            throw errors.failure(job, "reading the history of partition '" + partition + "' failed", e);
        }
        return history;
    }

    /** See {@link CheckpointStore#jobs}. */
    List<String> jobs() {
        try (Connection c = connector.open()) {
            tables.createOnce(c);
            return tables.jobs(c);
        } catch (SQLException e) {
            throw new CheckpointStoreException(store + ": listing the jobs failed: " + e.getMessage(), e);
        }
    }

    /** See {@link CheckpointStore#savedBefore}. */
    boolean savedBefore(String job, String partition) {
        requireIds(job, partition);
        try (Connection c = connections.open(job)) {
            return tables.savedBefore(c, job, partition);
        } catch (SQLException e) {
            throw errors.failure(job, "reading whether partition '" + partition + "' saved checkpoints before "
                    + "failed", e);
        }
    }

    static void requireIds(String job, String partition) {
        StoreIds.require("job", job);
        StoreIds.require("partition", partition);
    }
}
