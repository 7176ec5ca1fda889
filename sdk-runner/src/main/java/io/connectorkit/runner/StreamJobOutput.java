package io.connectorkit.runner;

import io.connectorkit.store.AsyncCheckpointWriter;
import io.connectorkit.store.Audit;
import io.connectorkit.store.CheckpointEnvelope;
import io.connectorkit.store.CheckpointStore;
import io.connectorkit.store.ForwardingCheckpointStore;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Records to a JSON-lines file or standard output, checkpoints to the store on a background thread: at-least-once.
 * The records a checkpoint covers are flushed before it is handed over and forced to disk before it is saved, so a
 * saved checkpoint never covers a record that died in a buffer or in a power cut.
 */
final class StreamJobOutput implements JobOutput {

    private final RecordLines records;
    private final AsyncCheckpointWriter writer;
    private final boolean syncSaves;

    /**
     * @param partition where the checkpoints are saved: {@link JobPartitions#SINGLE}, or a split's id
     * @param syncSaves wait for each checkpoint to be durable before returning
     * @param savePause the least time between the starts of two background saves
     * @param durable told of each checkpoint once saved, on the writer's thread
     */
    StreamJobOutput(RecordLines records, CheckpointStore store, String job, String partition, boolean syncSaves,
            Duration savePause, Consumer<JsonObject> durable) {
        this.records = records;
        // On the writer's thread, off the record path: the records a checkpoint covers are made durable before it.
        this.writer = AsyncCheckpointWriter.builder(new ForwardingCheckpointStore(store) {
            @Override
            public CheckpointEnvelope save(String job, String partition, String componentId, JsonObject checkpoint,
                    Audit audit) {
                records.force();
                return super.save(job, partition, componentId, checkpoint, audit);
            }
        }, job, partition).minPause(savePause).onSaved(saved -> durable.accept(saved.checkpoint())).start();
        this.syncSaves = syncSaves;
    }

    @Override
    public void write(Object record) {
        records.write(record);
    }

    @Override
    public void checkpoint(String componentId, JsonObject checkpoint) {
        records.flush();
        writer.submit(componentId, checkpoint);
        if (syncSaves) {
            writer.flush();
        }
    }

    @Override
    public void awaitCheckpoints() {
        writer.flush();
    }

    /** Flushes the records, then the last checkpoint (so that a retry resumes from it). */
    @Override
    public void close() {
        try {
            records.flush();
        } finally {
            writer.close();
        }
    }
}
