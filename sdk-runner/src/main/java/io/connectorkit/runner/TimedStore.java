package io.connectorkit.runner;

import io.connectorkit.runtime.store.Audit;
import io.connectorkit.runtime.store.CheckpointEnvelope;
import io.connectorkit.runtime.store.CheckpointInfo;
import io.connectorkit.runtime.store.CheckpointStore;
import io.connectorkit.runtime.store.StoreOptions;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A store that reports each durable save to the metrics: generation, size, duration. */
final class TimedStore implements CheckpointStore {

    private final CheckpointStore delegate;
    private final RunnerMetrics metrics;

    TimedStore(CheckpointStore delegate, RunnerMetrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public CheckpointEnvelope save(String job, String partition, String componentId, JsonObject checkpoint,
            Audit audit) {
        long start = System.nanoTime();
        CheckpointEnvelope saved = delegate.save(job, partition, componentId, checkpoint, audit);
        metrics.checkpointSaved(saved.generation(), saved.sizeBytes(), Duration.ofNanos(System.nanoTime() - start));
        return saved;
    }

    @Override
    public Optional<CheckpointEnvelope> loadLatest(String job, String partition) {
        return delegate.loadLatest(job, partition);
    }

    @Override
    public Optional<CheckpointEnvelope> load(String job, String partition, long generation) {
        return delegate.load(job, partition, generation);
    }

    @Override
    public List<String> jobs() {
        return delegate.jobs();
    }

    @Override
    public List<CheckpointInfo> history(String job, String partition) {
        return delegate.history(job, partition);
    }

    @Override
    public void delete(String job) {
        delegate.delete(job);
    }

    @Override
    public void lockForWriting(String job) {
        delegate.lockForWriting(job);
    }

    @Override
    public StoreOptions options() {
        return delegate.options();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
