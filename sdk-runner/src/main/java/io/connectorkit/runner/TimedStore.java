package io.connectorkit.runner;

import io.connectorkit.store.Audit;
import io.connectorkit.store.CheckpointEnvelope;
import io.connectorkit.store.CheckpointStore;
import io.connectorkit.store.ForwardingCheckpointStore;
import jakarta.json.JsonObject;
import java.time.Duration;

/** A store that reports each durable save to the metrics: generation, size, duration. */
final class TimedStore extends ForwardingCheckpointStore {

    private final RunnerMetrics metrics;

    TimedStore(CheckpointStore delegate, RunnerMetrics metrics) {
        super(delegate);
        this.metrics = metrics;
    }

    @Override
    public CheckpointEnvelope save(String job, String partition, String componentId, JsonObject checkpoint,
            Audit audit) {
        long start = System.nanoTime();
        CheckpointEnvelope saved = super.save(job, partition, componentId, checkpoint, audit);
        metrics.checkpointSaved(partition, saved.generation(), saved.sizeBytes(), Duration.ofNanos(System.nanoTime() - start));
        return saved;
    }
}
