package io.connectorkit.runner;

import jakarta.json.JsonObject;

/**
 * Where one attempt of a job puts its records and checkpoints. Opened when an attempt starts, closed when it ends
 * (normally or by a connector failure); called on the job's thread only.
 */
interface JobOutput extends AutoCloseable {

    /** Writes one record. */
    void write(Object record);

    /** Saves {@code checkpoint}, which covers every record written so far. */
    void checkpoint(String componentId, JsonObject checkpoint);

    /** Blocks until the checkpoints already handed over are durable; before a simulated crash. */
    void awaitCheckpoints();

    /** Ends the attempt: what was written and checkpointed is kept, what no checkpoint covers may be lost. */
    @Override
    void close();
}
