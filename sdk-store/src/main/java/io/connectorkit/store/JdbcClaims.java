package io.connectorkit.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The writer claims one {@link JdbcCheckpointStore} holds: a job is claimed at its first write and kept until
 * {@link #close()}; a heartbeat keeps the claims fresh and finds one that another writer took over, which is then lost
 * for good: the listeners are told once, and every later write of the job throws the same
 * {@link WriterLostException}. Thread-safe.
 */
final class JdbcClaims {

    private static final System.Logger LOG = System.getLogger(JdbcCheckpointStore.class.getName());

    /** Opens a connection for {@code job}'s statements, the store's tables created. */
    interface Connections {
        Connection open(String job) throws SQLException;
    }

    private final String store;
    private final JdbcWriterLock writerLock;
    private final JdbcErrors errors;
    private final Connections connections;
    private final JdbcCheckpointStore.Connector connector;
    private final ClaimHeartbeat heartbeat;
    /** Guarded by itself, as is {@link #closed}. */
    private final Set<String> claimed = new HashSet<>();
    private boolean closed;
    /** Jobs whose claim another writer took over: every later write of them throws this. */
    private final Map<String, WriterLostException> lost = new ConcurrentHashMap<>();
    private final List<Consumer<WriterLostException>> lostListeners = new CopyOnWriteArrayList<>();

    /**
     * @param store the store's description, for messages and the heartbeat thread's name
     * @param connections opens a connection for a job's claim statements
     * @param connector opens the connection that releases the claims on close
     */
    JdbcClaims(String store, ClaimSettings settings, JdbcWriterLock writerLock, JdbcErrors errors,
               Connections connections, JdbcCheckpointStore.Connector connector) {
        this.store = store;
        this.writerLock = writerLock;
        this.errors = errors;
        this.connections = connections;
        this.connector = connector;
        this.heartbeat = new ClaimHeartbeat(store, settings.heartbeatEvery(), this::beat);
    }

    /**
     * Claims {@code job} unless this store holds it already; starts the heartbeat.
     *
     * @throws CheckpointStoreException when the store is closed or another writer holds the job
     * @throws WriterLostException when this store lost the job's claim before
     */
    void claim(String job) {
        synchronized (claimed) {
            if (closed) {
                throw new CheckpointStoreException(errors.describe(job, "the store is closed"));
            }
            WriterLostException taken = lost.get(job);
            if (taken != null) {
                throw taken; // never claimed again by this store: its writer must stop
            }
            if (claimed.contains(job)) {
                return;
            }
            String holder;
            try (Connection c = connections.open(job)) {
                c.setAutoCommit(true);
                holder = writerLock.claim(c, job);
            } catch (SQLException e) {
                throw errors.failure(job, "claiming the writer lock failed", e);
            }
            if (holder != null) {
                throw new CheckpointStoreException(store + ": job '" + job + "' is locked by another writer ("
                        + holder + ", lock table " + writerLock.table() + "); only one writer per job may run at a "
                        + "time");
            }
            claimed.add(job);
        }
        heartbeat.start();
    }

    /**
     * In the caller's transaction on {@code c}: refreshes {@code job}'s claim and row-locks it until commit.
     *
     * @param notDoing what the caller then does not do, for the message: {@code "not saving"}
     * @throws WriterLostException when another writer took the claim over
     */
    void fence(Connection c, String job, String notDoing) throws SQLException {
        if (!writerLock.fence(c, job)) {
            throw lost(job, writerLock.currentHolder(c, job), notDoing);
        }
    }

    void onWriterLost(Consumer<WriterLostException> listener) {
        lostListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Stops the heartbeat and releases every claim held; idempotent. */
    void close() {
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
            throw errors.failure(null, "releasing the writer claims of " + jobs + " failed (they expire after being "
                    + "idle)", e);
        }
    }

    /** One heartbeat: refreshes every claim held, and finds those another writer took over. */
    private void beat() {
        List<String> jobs;
        synchronized (claimed) {
            jobs = List.copyOf(claimed);
        }
        for (String job : jobs) {
            try (Connection c = connections.open(job)) {
                c.setAutoCommit(true);
                if (!writerLock.fence(c, job)) {
                    lost(job, writerLock.currentHolder(c, job), "not saving");
                }
            } catch (SQLException e) {
                LOG.log(System.Logger.Level.WARNING, errors.failure(job, "refreshing the writer claim's heartbeat "
                        + "failed (a claim whose heartbeat stops is taken over by another writer after a while)", e)
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
        WriterLostException e = new WriterLostException(job, CheckpointStoreException.describe(store, job, "table "
                + writerLock.table(), "this store no longer holds the job's writer claim (owner "
                + writerLock.owner() + "): another writer took it over (" + holder + "); " + notDoing + ", and this "
                + "writer must stop: the checkpoints saved stay as they are"));
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
                LOG.log(System.Logger.Level.WARNING, store + ": a writer-lost listener failed: " + failed);
            }
        }
        return e;
    }
}
