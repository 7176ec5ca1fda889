package io.connectorkit.store;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A store that hands every call to another one: extend it to observe or change single calls (timing saves for
 * metrics, injecting faults in tests).
 *
 * <p>API for hosts and tests. Thread-safe when the delegate is. {@link #close()} closes the delegate, like every other
 * call it is handed on.
 */
public class ForwardingCheckpointStore implements CheckpointStore {

    private final CheckpointStore delegate;

    /** @param delegate the store every call is handed to */
    public ForwardingCheckpointStore(CheckpointStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The store calls are handed to. */
    protected CheckpointStore delegate() {
        return delegate;
    }

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
    public void delete(String job, String partition) {
        delegate.delete(job, partition);
    }

    @Override
    public void lockForWriting(String job) {
        delegate.lockForWriting(job);
    }

    @Override
    public boolean savedBefore(String job, String partition) {
        return delegate.savedBefore(job, partition);
    }

    @Override
    public void onWriterLost(Consumer<WriterLostException> listener) {
        delegate.onWriterLost(listener);
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
