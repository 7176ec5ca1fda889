package io.connectorkit.store;

import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link CheckpointStore} in memory, for tests and for embedding where durability is someone else's job. Same
 * contract as the durable stores (generations, retention, validation, checksums); nothing survives the JVM, so there
 * is no cross-process writer lock and {@link #lockForWriting} does nothing. Thread-safe: every method locks the store.
 *
 * <p>API for hosts and tests. {@link #close()} does nothing: the checkpoints stay readable and writable while the
 * object lives.
 */
public final class InMemoryCheckpointStore implements CheckpointStore {

    private record Key(String job, String partition) {
    }

    private final StoreOptions options;
    private final Clock clock;
    private final Map<Key, NavigableMap<Long, CheckpointEnvelope>> generations = new HashMap<>();

    /** A store with {@link StoreOptions#DEFAULTS}. */
    public InMemoryCheckpointStore() {
        this(StoreOptions.DEFAULTS);
    }

    /** A store with {@code options}. */
    public InMemoryCheckpointStore(StoreOptions options) {
        this(options, Clock.systemUTC());
    }

    InMemoryCheckpointStore(StoreOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    @Override
    public synchronized List<String> jobs() {
        return generations.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(e -> e.getKey().job())
                .distinct().sorted().toList();
    }

    @Override
    public synchronized CheckpointEnvelope save(String job, String partition, String componentId,
                                                JsonObject checkpoint, Audit audit) {
        StoreRules.requireSavable(job, partition, componentId, checkpoint, options);
        NavigableMap<Long, CheckpointEnvelope> kept = generations.computeIfAbsent(new Key(job, partition),
                k -> new TreeMap<>());
        long next = kept.isEmpty() ? 1 : kept.lastKey() + 1;
        CheckpointEnvelope envelope = CheckpointEnvelope.seal(job, partition, next, clock.instant(), componentId,
                checkpoint, audit);
        kept.put(next, envelope);
        while (kept.size() > options.retention()) {
            kept.pollFirstEntry();
        }
        return envelope;
    }

    @Override
    public synchronized Optional<CheckpointEnvelope> loadLatest(String job, String partition) {
        NavigableMap<Long, CheckpointEnvelope> kept = kept(job, partition);
        return kept.isEmpty() ? Optional.empty() : Optional.of(kept.lastEntry().getValue());
    }

    @Override
    public synchronized Optional<CheckpointEnvelope> load(String job, String partition, long generation) {
        return Optional.ofNullable(kept(job, partition).get(generation));
    }

    @Override
    public synchronized List<CheckpointInfo> history(String job, String partition) {
        return kept(job, partition).values().stream().map(CheckpointEnvelope::info).toList();
    }

    @Override
    public synchronized boolean savedBefore(String job, String partition) {
        // Nothing outside this store can remove a checkpoint: saved and not deleted is "has a checkpoint".
        return !kept(job, partition).isEmpty();
    }

    @Override
    public synchronized void delete(String job) {
        StoreRules.requireJob(job);
        generations.keySet().removeIf(key -> key.job().equals(job));
    }

    @Override
    public synchronized void delete(String job, String partition) {
        StoreRules.requireIds(job, partition);
        generations.remove(new Key(job, partition));
    }

    @Override
    public void lockForWriting(String job) {
        StoreRules.requireJob(job);
    }

    @Override
    public StoreOptions options() {
        return options;
    }

    @Override
    public void close() {
        // Nothing to release; the checkpoints stay readable.
    }

    @Override
    public String toString() {
        return "in-memory store@" + Integer.toHexString(System.identityHashCode(this));
    }

    private NavigableMap<Long, CheckpointEnvelope> kept(String job, String partition) {
        StoreRules.requireIds(job, partition);
        return generations.getOrDefault(new Key(job, partition), new TreeMap<>());
    }
}
