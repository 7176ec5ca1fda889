package io.connectorkit.store;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The write transactions of a {@link JdbcCheckpointStore}, each fenced by the job's writer claim: a save (retried when
 * another transaction took its generation), a save in the caller's transaction, a job's or a partition's delete.
 * The caller has validated the arguments and claimed the job. Thread-safe; writes of one job are serialised.
 */
final class JdbcWrites {

    private static final int SAVE_ATTEMPTS = 5;

    private final String store;
    private final CheckpointTables tables;
    private final JdbcErrors errors;
    private final JdbcClaims claims;
    private final JdbcClaims.Connections connections;
    private final StoreOptions options;
    private final Clock clock;
    /** "job/partition" whose {@code _saved} row a committed save of this store wrote. */
    private final Set<String> marked = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, Object> jobMonitors = new ConcurrentHashMap<>();

    /** @param store the store's description, for messages */
    JdbcWrites(String store, CheckpointTables tables, JdbcErrors errors, JdbcClaims claims,
               JdbcClaims.Connections connections, StoreOptions options, Clock clock) {
        this.store = store;
        this.tables = tables;
        this.errors = errors;
        this.claims = claims;
        this.connections = connections;
        this.options = options;
        this.clock = clock;
    }

    /** Saves the next generation in a transaction of its own, committed before it returns. */
    CheckpointEnvelope save(String job, String partition, String componentId, JsonObject checkpoint, Audit audit) {
        synchronized (monitor(job)) {
            for (int attempt = 1; ; attempt++) {
                try (Connection c = connections.open(job)) {
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
                    if (CheckpointTables.isUniqueViolation(e) && attempt < SAVE_ATTEMPTS) {
                        continue; // Another transaction took this generation: compute max + 1 again.
                    }
                    throw errors.failure(job, "saving partition '" + partition + "' failed", e);
                }
            }
        }
    }

    /** See {@link JdbcCheckpointStore#saveInTransaction}. */
    CheckpointEnvelope saveInTransaction(Connection connection, String job, String partition, String componentId,
                                         JsonObject checkpoint, Audit audit) {
        try {
            if (connection.getAutoCommit()) {
                throw new IllegalStateException(store + ": saveInTransaction needs a connection with auto-commit "
                        + "off, so that the caller's commit or rollback decides (job '" + job + "')");
            }
            return insert(connection, job, partition, componentId, checkpoint, audit);
        } catch (SQLException e) {
            throw errors.failure(job, "saving partition '" + partition + "' in the caller's transaction failed", e);
        }
    }

    /** Deletes every checkpoint of {@code job} and its traces, in one transaction. */
    void delete(String job) {
        synchronized (monitor(job)) {
            try (Connection c = connections.open(job)) {
                c.setAutoCommit(false);
                try {
                    // As in a save: only while this store still holds the claim, so that a writer whose idle
                    // claim was taken over cannot delete the new owner's checkpoints.
                    claims.fence(c, job, "not deleting");
                    tables.deleteJob(c, job);
                    c.commit();
                    marked.removeIf(key -> key.startsWith(job + '/'));
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c);
                    throw e;
                }
            } catch (SQLException e) {
                throw errors.failure(job, "deleting the job's checkpoints failed", e);
            }
        }
    }

    /** Deletes every checkpoint of (job, partition) and its trace, in one transaction. */
    void delete(String job, String partition) {
        synchronized (monitor(job)) {
            try (Connection c = connections.open(job)) {
                c.setAutoCommit(false);
                try {
                    claims.fence(c, job, "not deleting");
                    tables.deletePartition(c, job, partition);
                    c.commit();
                    marked.remove(job + '/' + partition);
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c);
                    throw e;
                }
            } catch (SQLException e) {
                throw errors.failure(job, "deleting the checkpoints of partition '" + partition + "' failed", e);
            }
        }
    }

    /** The next generation, in the caller's transaction: fence the claim, max + 1, trace, insert, prune. */
    private CheckpointEnvelope insert(Connection c, String job, String partition, String componentId,
                                      JsonObject checkpoint, Audit audit) throws SQLException {
        claims.fence(c, job, "not saving");
        long newest = tables.newest(c, job, partition);
        if (newest >= CheckpointEnvelope.MAX_GENERATION) {
            throw new CheckpointStoreException(errors.describe(job, "partition '" + partition + "' has a row at "
                    + "generation " + newest + ", the largest a store may write, so no generation can follow it; if "
                    + "that row was planted, delete it"));
        }
        // Once a save committed the _saved row, not again; a saveInTransaction, whose caller may roll back, writes
        // it every time (one indexed statement).
        if (!marked.contains(job + '/' + partition)) {
            tables.markSaved(c, job, partition);
        }
        CheckpointEnvelope e = EnvelopeCodec.seal(job, partition, newest + 1, clock.instant(), componentId,
                checkpoint, audit);
        tables.insert(c, e);
        tables.prune(c, job, partition, options.retention());
        return e;
    }

    private Object monitor(String job) {
        return jobMonitors.computeIfAbsent(job, j -> new Object());
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The original failure is what matters.
        }
    }
}
