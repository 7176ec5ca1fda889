package io.connectorkit.store.s3;

import io.connectorkit.store.Audit;
import io.connectorkit.store.CheckpointEnvelope;
import io.connectorkit.store.CheckpointInfo;
import io.connectorkit.store.CheckpointStore;
import io.connectorkit.store.CheckpointStoreException;
import io.connectorkit.store.EnvelopeDocument;
import io.connectorkit.store.StoreOptions;
import io.connectorkit.store.StoreRules;
import io.connectorkit.store.WriterLostException;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A {@link CheckpointStore} on S3 or an S3-compatible server (MinIO, Ceph, R2, ...): one object per generation.
 *
 * <h2>Objects</h2>
 * Under the store's {@link S3Location} prefix: {@code <job>/partitions/<partition>/checkpoint-<generation, 20
 * digits>.json} holds one envelope as the file store writes it ({@link EnvelopeDocument}); {@code <job>/writer.json}
 * is the job's writer claim; {@code <job>/saved/<partition>} says the partition saved checkpoints. Listing order is
 * key order, so generation order: times (in the envelope) never decide which checkpoint is the latest.
 *
 * <h2>One writer per generation</h2>
 * Each save is one {@code PutObject} with {@code If-None-Match: *} of the next generation's key: the server refuses
 * it (412) when an object is there, so two writers can never both write generation N and no generation is ever
 * overwritten. A writer refused so (another writer took the job over) throws a {@link WriterLostException}, tells
 * the {@link #onWriterLost} listeners and saves nothing more for the job. The first write of a job also claims it
 * ({@link S3JobClaim}), so that a second writer fails fast with "locked by another writer" instead of at its first
 * colliding save; the claim is refreshed by a heartbeat and taken over when its writer provably ended or went silent.
 * A save answered 412 whose object holds exactly the bytes this save sent (the SDK retried a write that had
 * succeeded) counts as saved.
 *
 * <h2>Reads and corruption</h2>
 * {@code loadLatest} lists the partition and reads the newest object; a truncated or damaged one (or one holding
 * another generation) is skipped with one WARNING and the next older valid one used; when none is valid it throws a
 * {@link io.connectorkit.store.NoValidCheckpointException}. Reads take no claim.
 *
 * <h2>Retention</h2>
 * Once a save succeeded, the generations beyond {@link StoreOptions#retention()} (and, if set, older than
 * {@link S3StoreBuilder#keepYoungerThan}) are deleted oldest first on a daemon thread of the store; the generation
 * just written, the newest, is never among them.
 *
 * <h2>Cost</h2>
 * A save is one {@code PutObject} (plus one for the partition's trace at its first save by this store, and one
 * {@code ListObjectsV2} at the first save of each partition); pruning adds one {@code DeleteObject} per save in the
 * background once the retention is reached; {@code loadLatest} is one list and one get.
 *
 * <p>API for hosts: build one with {@link #builder(S3Location)}, share it between threads, close it when done
 * (releases the claims, finishes the pruning, closes the client it made). Thread-safe; saves of one (job, partition)
 * are serialised, saves of different partitions run in parallel.
 */
public final class S3CheckpointStore implements CheckpointStore {

    private static final System.Logger LOG = System.getLogger(S3CheckpointStore.class.getName());
    /** What a {@code saved/<partition>} trace holds: only its presence counts. */
    private static final byte[] SAVED_TRACE = "saved".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** One partition's writing state; {@code state} is null until listed, and again after a failure or a delete. */
    private static final class Slot {
        S3Partition state;
    }

    private final S3StoreBuilder.Settings settings;
    private final String name;
    private final S3Objects objects;
    private final S3Keys keys;
    private final S3Reads reads;
    private final S3Claims claims;
    private final S3Pruning pruning;
    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

    S3CheckpointStore(S3StoreBuilder.Settings settings, S3Objects objects) {
        this.settings = settings;
        this.name = "s3 store " + settings.location();
        this.objects = objects;
        this.keys = new S3Keys(settings.location());
        this.reads = new S3Reads(objects, keys, name, settings.options());
        this.claims = new S3Claims(objects, keys, name, settings);
        this.pruning = new S3Pruning(name);
    }

    /** A builder of a store at {@code location}: endpoint, region, path-style, credentials, options. */
    public static S3StoreBuilder builder(S3Location location) {
        return new S3StoreBuilder(location);
    }

    @Override
    public CheckpointEnvelope save(String job, String partition, String componentId, JsonObject checkpoint,
                                   Audit audit) {
        StoreRules.requireSavable(job, partition, componentId, checkpoint, settings.options());
        S3JobClaim claim = claims.claim(job);
        Slot slot = slots.computeIfAbsent(job + '/' + partition, k -> new Slot());
        synchronized (slot) {
            claims.requireHeld(claim);
            String partitionPrefix = keys.partition(job, partition);
            if (slot.state == null) {
                slot.state = new S3Partition(reads.generations(job, partition), partitionPrefix);
            }
            S3Partition state = slot.state;
            long next = state.next();
            if (next > CheckpointEnvelope.MAX_GENERATION) {
                throw new CheckpointStoreException(name + ": job '" + job + "' (" + partitionPrefix + "): generation "
                        + (next - 1) + " is the largest a store may write, so no generation can follow it");
            }
            CheckpointEnvelope envelope = CheckpointEnvelope.seal(job, partition, next, settings.clock().instant(),
                    componentId, checkpoint, audit);
            byte[] bytes = EnvelopeDocument.write(envelope);
            if (bytes.length > EnvelopeDocument.maxBytes(settings.options())) {
                throw new IllegalArgumentException("job '" + job + "': the envelope of generation " + next
                        + " would be " + bytes.length + " bytes, more than the limit of "
                        + EnvelopeDocument.maxBytes(settings.options()) + " bytes; is the audit too large?");
            }
            try {
                if (!state.traced()) {
                    objects.put(job, keys.saved(job, partition), SAVED_TRACE);
                    state.markTraced();
                }
                String key = keys.generation(job, partition, next);
                if (objects.putIfAbsent(job, key, bytes).isEmpty() && !holds(job, key, bytes)) {
                    throw claims.lost(claim, "generation " + next + " of partition '" + partition + "' (" + key
                            + ") was written by another writer first");
                }
            } catch (WriterLostException e) {
                throw e;
            } catch (RuntimeException e) {
                slot.state = null; // list again at the next save: this write may or may not have landed
                throw e;
            }
            state.saved(next, envelope.createdAt());
            prune(job, partition, state);
            return envelope;
        }
    }

    /** Whether the object at {@code key} holds exactly {@code bytes}: our own write, retried after it succeeded. */
    private boolean holds(String job, String key, byte[] bytes) {
        return objects.get(job, key, bytes.length).map(blob -> Arrays.equals(blob.bytes(), bytes)).orElse(false);
    }

    private void prune(String job, String partition, S3Partition state) {
        List<Long> beyond = state.takeBeyondRetention(settings.options().retention(), settings.keepYoungerThan(),
                settings.clock().instant());
        if (beyond.isEmpty()) {
            return;
        }
        pruning.submit(() -> {
            for (long generation : beyond) {
                String key = keys.generation(job, partition, generation);
                try {
                    objects.delete(job, key);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, name + ": job '" + job + "' (" + key + "): could not prune "
                            + "generation " + generation + ", trying again after the next save: " + e.getMessage());
                    Slot slot = slots.get(job + '/' + partition);
                    if (slot != null) {
                        synchronized (slot) {
                            if (slot.state == state) {
                                state.restore(generation, Instant.EPOCH);
                            }
                        }
                    }
                }
            }
        });
    }

    @Override
    public Optional<CheckpointEnvelope> loadLatest(String job, String partition) {
        return reads.loadLatest(job, partition);
    }

    @Override
    public Optional<CheckpointEnvelope> load(String job, String partition, long generation) {
        return reads.load(job, partition, generation);
    }

    @Override
    public List<CheckpointInfo> history(String job, String partition) {
        return reads.history(job, partition);
    }

    @Override
    public List<String> jobs() {
        return reads.jobs();
    }

    @Override
    public boolean savedBefore(String job, String partition) {
        return reads.savedBefore(job, partition);
    }

    @Override
    public void delete(String job) {
        StoreRules.requireJob(job);
        S3JobClaim claim = claims.claim(job);
        synchronized (claim) {
            claims.requireHeld(claim);
            pruning.await(); // generation numbers restart: no delete queued before may run after a new save
            for (S3Objects.Listed listed : objects.list(job, keys.savedFolder(job))) {
                objects.delete(job, listed.key());
            }
            List<S3Objects.Listed> all = objects.list(job, keys.partitions(job));
            for (S3Objects.Listed listed : all) {
                String partition = listed.key().substring(keys.partitions(job).length()).split("/", 2)[0];
                forget(job, partition);
                objects.delete(job, listed.key()); // key order: each partition's generations oldest first
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: the {@code saved/<partition>} trace first, then the generation objects oldest first, so that a delete
     * cut short leaves the partition's newest generations readable.
     */
    @Override
    public void delete(String job, String partition) {
        StoreRules.requireIds(job, partition);
        S3JobClaim claim = claims.claim(job);
        Slot slot = slots.computeIfAbsent(job + '/' + partition, k -> new Slot());
        synchronized (slot) {
            claims.requireHeld(claim);
            pruning.await();
            objects.delete(job, keys.saved(job, partition));
            slot.state = null;
            for (S3Objects.Listed listed : objects.list(job, keys.partition(job, partition))) {
                objects.delete(job, listed.key());
            }
        }
    }

    private void forget(String job, String partition) {
        Slot slot = slots.get(job + '/' + partition);
        if (slot != null) {
            synchronized (slot) {
                slot.state = null;
            }
        }
    }

    @Override
    public void lockForWriting(String job) {
        StoreRules.requireJob(job);
        claims.requireHeld(claims.claim(job));
    }

    @Override
    public void onWriterLost(Consumer<WriterLostException> listener) {
        claims.onWriterLost(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public StoreOptions options() {
        return settings.options();
    }

    /** Waits until the pruning handed over so far is done; for tests. */
    void awaitPruning() {
        pruning.await();
    }

    /**
     * Finishes the pruning, stops the heartbeats and deletes the claims that are still this store's, then closes the
     * client if the store made it. Idempotent. Reads still work afterwards (until the client is closed), writes throw.
     */
    @Override
    public void close() {
        boolean first = true;
        try {
            first = claims.close(pruning);
        } finally {
            if (first && settings.ownsClient()) {
                objects.close();
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
