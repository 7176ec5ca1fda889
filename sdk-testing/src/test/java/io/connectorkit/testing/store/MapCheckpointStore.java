package io.connectorkit.testing.store;

import io.connectorkit.store.Audit;
import io.connectorkit.store.CheckpointEnvelope;
import io.connectorkit.store.CheckpointInfo;
import io.connectorkit.store.CheckpointStore;
import io.connectorkit.store.CheckpointStoreException;
import io.connectorkit.store.StoreOptions;
import io.connectorkit.store.StoreRules;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A store as someone outside Connector Kit would write it, from the public API of {@code io.connectorkit.store} only:
 * the instances opened on one {@link Storage} share its checkpoints, and one of them at a time may write a job.
 * Thread-safe: every method locks the storage.
 */
final class MapCheckpointStore implements CheckpointStore {

    /** What the instances share: generations by "job/partition" (ids have no '/'), and the writer of each job. */
    static final class Storage {
        private final Map<String, NavigableMap<Long, CheckpointEnvelope>> kept = new HashMap<>();
        private final Map<String, MapCheckpointStore> writers = new HashMap<>();
    }

    private final Storage storage;
    private final StoreOptions options;
    private boolean closed;

    MapCheckpointStore(Storage storage, StoreOptions options) {
        this.storage = storage;
        this.options = options;
    }

    @Override
    public CheckpointEnvelope save(String job, String partition, String componentId, JsonObject checkpoint,
                                   Audit audit) {
        StoreRules.requireSavable(job, partition, componentId, checkpoint, options);
        synchronized (storage) {
            claim(job);
            NavigableMap<Long, CheckpointEnvelope> kept = storage.kept.computeIfAbsent(job + '/' + partition,
                    key -> new TreeMap<>());
            long next = kept.isEmpty() ? 1 : kept.lastKey() + 1;
            CheckpointEnvelope envelope = CheckpointEnvelope.seal(job, partition, next, Instant.now(), componentId,
                    checkpoint, audit);
            kept.put(next, envelope);
            while (kept.size() > options.retention()) {
                kept.pollFirstEntry();
            }
            return envelope;
        }
    }

    @Override
    public Optional<CheckpointEnvelope> loadLatest(String job, String partition) {
        return Optional.ofNullable(kept(job, partition).lastEntry()).map(Map.Entry::getValue);
    }

    @Override
    public Optional<CheckpointEnvelope> load(String job, String partition, long generation) {
        return Optional.ofNullable(kept(job, partition).get(generation));
    }

    @Override
    public List<CheckpointInfo> history(String job, String partition) {
        return kept(job, partition).values().stream().map(CheckpointEnvelope::info).toList();
    }

    @Override
    public List<String> jobs() {
        synchronized (storage) {
            return storage.kept.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                    .map(e -> e.getKey().substring(0, e.getKey().indexOf('/'))).distinct().sorted().toList();
        }
    }

    @Override
    public void delete(String job) {
        StoreRules.requireJob(job);
        synchronized (storage) {
            claim(job);
            storage.kept.keySet().removeIf(key -> key.startsWith(job + '/'));
        }
    }

    @Override
    public void delete(String job, String partition) {
        StoreRules.requireIds(job, partition);
        synchronized (storage) {
            claim(job);
            storage.kept.remove(job + '/' + partition);
        }
    }

    @Override
    public void lockForWriting(String job) {
        StoreRules.requireJob(job);
        synchronized (storage) {
            claim(job);
        }
    }

    @Override
    public boolean savedBefore(String job, String partition) {
        return !kept(job, partition).isEmpty(); // nothing but delete removes checkpoints from the map
    }

    @Override
    public StoreOptions options() {
        return options;
    }

    @Override
    public void close() {
        synchronized (storage) {
            closed = true;
            storage.writers.values().removeIf(writer -> writer == this);
        }
    }

    /** A copy of the generations of (job, partition), oldest first. */
    private NavigableMap<Long, CheckpointEnvelope> kept(String job, String partition) {
        StoreRules.requireIds(job, partition);
        synchronized (storage) {
            return new TreeMap<>(storage.kept.getOrDefault(job + '/' + partition, new TreeMap<>()));
        }
    }

    /** Makes this instance the writer of {@code job}; called holding the storage's lock. */
    private void claim(String job) {
        if (closed) {
            throw new CheckpointStoreException("map store: job '" + job + "': the store is closed");
        }
        MapCheckpointStore writer = storage.writers.putIfAbsent(job, this);
        if (writer != null && writer != this) {
            throw new CheckpointStoreException("map store: job '" + job + "' is locked by another writer");
        }
    }
}
