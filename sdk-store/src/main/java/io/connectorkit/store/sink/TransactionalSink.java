package io.connectorkit.store.sink;

import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.store.CheckpointEnvelope;
import jakarta.json.JsonObject;

/**
 * Where a host writes an input's records when they must be saved together with the checkpoint that covers them:
 * records written since the last {@link #commit} become visible with that checkpoint, in one transaction, or not at
 * all. After a crash the host resumes from the last committed checkpoint and every input record ends up in the output
 * exactly once.
 *
 * <p>The host calls {@link #write} for each record it receives and {@link #commit} from the input's checkpoint
 * callback (which the runtime calls only once the host has received every record the checkpoint covers). Not
 * thread-safe: one host thread drives it.
 *
 * <p>API: hosts drive it and close it when done; {@link JdbcSink} implements it, and so may a host's own sink.
 */
public interface TransactionalSink extends AutoCloseable {

    /**
     * Adds a record to the current transaction.
     *
     * @throws SinkException when the record cannot be written (a field the table does not have, a database error)
     */
    void write(Object record);

    /**
     * Commits every record written since the last commit together with {@code checkpoint}.
     *
     * @param checkpoint the wire format, {@link CheckpointState#toJson()}
     * @return the saved checkpoint, durable once this returns
     * @throws SinkException when the commit failed; nothing of this transaction is then visible
     */
    CheckpointEnvelope commit(String componentId, JsonObject checkpoint);

    /** Rolls back what was not committed and releases the connection. */
    @Override
    void close();
}
