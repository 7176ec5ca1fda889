package io.connectorkit.runtime.store;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** A store delegating to an {@link InMemoryCheckpointStore}, for tests to override single methods. */
class ForwardingStore implements CheckpointStore {

    final InMemoryCheckpointStore delegate = new InMemoryCheckpointStore();

    @Override
    public CheckpointEnvelope save(String job, String partition, String componentId, JsonObject checkpoint,
                                   Audit audit) {
        return delegate.save(job, partition, componentId, checkpoint, audit);
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
}
