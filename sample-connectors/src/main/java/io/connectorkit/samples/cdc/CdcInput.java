package io.connectorkit.samples.cdc;

import io.connectorkit.api.configuration.Option;
import io.connectorkit.api.input.Backlog;
import io.connectorkit.api.input.Emitter;
import io.connectorkit.api.input.Producer;
import io.connectorkit.api.input.checkpoint.CheckpointAvailable;
import io.connectorkit.api.input.checkpoint.CheckpointCommitted;
import io.connectorkit.api.input.checkpoint.CheckpointData;
import io.connectorkit.samples.cdc.PgOutput.Begin;
import io.connectorkit.samples.cdc.PgOutput.Change;
import io.connectorkit.samples.cdc.PgOutput.Commit;
import io.connectorkit.samples.cdc.PgOutput.Truncate;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;

/**
 * {@code postgres/cdc-input}: the inserts, updates, deletes and truncates of the published tables, in commit order,
 * read from a logical replication slot with the {@code pgoutput} plugin (records: {@link ChangeRecords}). It never
 * ends by itself: with nothing to read it returns {@code null} at once, and the host asks again.
 *
 * <p>Its checkpoint ({@link CdcPosition}) is the end of the last transaction emitted whole: safe points are
 * transaction ends, never inside one. After the last change of a transaction it reads on to the commit (which the
 * server sends right behind it) before returning the change, so that the record closing a transaction is already a
 * safe point. While idle, the position follows the server's keepalives over WAL that holds no published change, at
 * most once a second.
 *
 * <p>The slot is told a position is safe (its {@code confirmed_flush_lsn}) only in {@link #committed}, once the host
 * made a checkpoint covering it durable, so the server keeps every change a crash could need, and an idle job does
 * not pin the WAL once its idle checkpoint is durable.
 */
@Emitter(family = "postgres", name = "cdc-input", infinite = true)
public class CdcInput {

    private static final long IDLE_MOVE_NANOS = 1_000_000_000L;

    private final JsonBuilderFactory json;
    private final CdcInputConfig configuration;
    private final PgOutputDecoder decoder = new PgOutputDecoder();
    private ReplicationSession session;
    private PGReplicationStream stream;
    private ChangeRecords records;
    private ServerPosition server;
    private Begin transaction;
    /** The records of one message not returned yet (a truncate of several tables). */
    private final Deque<JsonObject> pending = new ArrayDeque<>();
    /** A message read past the change just returned, to be handled first at the next call. */
    private Object lookahead;
    private LogSequenceNumber position;
    /**
     * When the position last moved while idle: at most once a second, so that a busy server's keepalives do not make
     * an idle job save a checkpoint several times a second (a second is nothing to the WAL it lets go of).
     */
    private long lastIdleMove = System.nanoTime() - IDLE_MOVE_NANOS;
    private LogSequenceNumber acknowledged;

    public CdcInput(JsonBuilderFactory json, @Option("configuration") CdcInputConfig configuration) {
        this.json = json;
        this.configuration = configuration;
    }

    /** Checks the publication and slot (creating them on a first run) and starts streaming after the checkpoint. */
    @PostConstruct
    public void open() {
        String saved = configuration.getPosition().getLsn();
        LogSequenceNumber checkpoint = saved == null || saved.isEmpty() ? null : parse(saved);
        session = new ReplicationSession(configuration);
        stream = session.start(checkpoint);
        position = session.startPosition();
        acknowledged = position;
        configuration.getPosition().setLsn(position.asString());
        records = new ChangeRecords(json, session.primaryKeys());
        server = new ServerPosition(new CdcConnections(configuration));
    }

    /** The next change, or {@code null} when the server has sent nothing more for now. */
    @Producer
    public JsonObject next() throws SQLException {
        if (!pending.isEmpty()) {
            JsonObject record = pending.poll();
            return pending.isEmpty() ? closing(record) : record;
        }
        Object message = lookahead;
        lookahead = null;
        while (true) {
            if (message == null) {
                ByteBuffer payload = transaction != null ? stream.read() : stream.readPending();
                if (payload == null) {
                    passOverIdleStretch();
                    return null;
                }
                message = decoder.decode(payload);
            }
            if (message instanceof Change change) {
                return closing(records.change(change, transaction));
            } else if (message instanceof Truncate truncate) {
                pending.addAll(records.truncate(truncate, transaction));
                JsonObject first = pending.poll();
                return pending.isEmpty() ? closing(first) : first;
            } else if (message instanceof Begin begin) {
                transaction = begin;
            } else if (message instanceof Commit commit) {
                transactionEnded(commit);
            }
            message = null;
        }
    }

    /** Reads past {@code record}, up to the commit when it is the last of its transaction. */
    private JsonObject closing(JsonObject record) throws SQLException {
        while (lookahead == null) {
            Object message = decoder.decode(stream.read()); // inside a transaction its rest follows at once
            if (message instanceof Commit commit) {
                transactionEnded(commit);
                return record;
            }
            lookahead = message; // a change (or null: a relation, kept by the decoder, read past)
        }
        return record;
    }

    private void transactionEnded(Commit commit) {
        transaction = null;
        position = LogSequenceNumber.valueOf(commit.endLsn());
        configuration.getPosition().setLsn(position.asString());
    }

    /**
     * Nothing to read and no transaction open: what the server has sent up to its last keepalive holds no published
     * change, so the position moves there.
     */
    private void passOverIdleStretch() {
        long now = System.nanoTime();
        if (now - lastIdleMove < IDLE_MOVE_NANOS) {
            return;
        }
        LogSequenceNumber received = stream.getLastReceiveLSN();
        if (transaction == null && received.compareTo(position) > 0) {
            position = received;
            configuration.getPosition().setLsn(position.asString());
            lastIdleMove = now;
        }
    }

    /** The position after the last transaction emitted whole. */
    @CheckpointData
    public CdcPosition checkpoint() {
        return configuration.getPosition();
    }

    /** Between transactions. */
    @CheckpointAvailable
    public boolean betweenTransactions() {
        return transaction == null && lookahead == null && pending.isEmpty();
    }

    /**
     * Tells the slot that everything up to {@code durable} is safe: only now may the server recycle that WAL. After
     * {@link #close()} (the final checkpoint) the slot is advanced over a plain connection; if that fails, the next
     * run's first acknowledgement covers it.
     */
    @CheckpointCommitted
    public void committed(CdcPosition durable) throws SQLException {
        if (durable.getLsn() == null || durable.getLsn().isEmpty()) {
            return;
        }
        LogSequenceNumber lsn = parse(durable.getLsn());
        if (stream != null && !stream.isClosed()) {
            stream.setFlushedLSN(lsn);
            stream.setAppliedLSN(lsn);
            stream.forceUpdateStatus();
        } else {
            server.advanceSlot(configuration.getSlot(), lsn);
        }
        acknowledged = lsn;
    }

    /** The server's current WAL position minus the last position acknowledged as durable; -1 while unknown. */
    @Backlog(unit = "bytes")
    public long lag() {
        LogSequenceNumber current = server.current();
        return current == null ? -1 : Math.max(0, current.asLong() - acknowledged.asLong());
    }

    @PreDestroy
    public void close() throws SQLException {
        try {
            if (session != null) {
                session.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private static LogSequenceNumber parse(String lsn) {
        LogSequenceNumber parsed = LogSequenceNumber.valueOf(lsn);
        if (parsed.equals(LogSequenceNumber.INVALID_LSN) && !"0/0".equals(lsn)) {
            throw new IllegalArgumentException("the checkpoint's lsn '" + lsn + "' is not a WAL position such as "
                    + "0/1A2B3C4");
        }
        return parsed;
    }
}
