package io.connectorkit.store.s3;

import io.connectorkit.store.CheckpointEnvelope;
import io.connectorkit.store.CheckpointInfo;
import io.connectorkit.store.CheckpointStoreException;
import io.connectorkit.store.EnvelopeDocument;
import io.connectorkit.store.NoValidCheckpointException;
import io.connectorkit.store.StoreOptions;
import io.connectorkit.store.StoreRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The reading side of an {@link S3CheckpointStore}: listing a partition's generations, reading and verifying them
 * (the newest valid one, one generation, the history), the jobs, the {@code saved/} traces. Reads take no claim.
 * Thread-safe.
 */
final class S3Reads {

    private static final System.Logger LOG = System.getLogger(S3CheckpointStore.class.getName());

    private final S3Objects objects;
    private final S3Keys keys;
    private final String store;
    private final long maxBytes;

    S3Reads(S3Objects objects, S3Keys keys, String store, StoreOptions options) {
        this.objects = objects;
        this.keys = keys;
        this.store = store;
        this.maxBytes = EnvelopeDocument.maxBytes(options);
    }

    /** The generations of (job, partition) there are objects for, oldest first, with their listing entries. */
    List<S3Objects.Listed> generations(String job, String partition) {
        String prefix = keys.partition(job, partition);
        List<S3Objects.Listed> generations = new ArrayList<>();
        for (S3Objects.Listed listed : objects.list(job, prefix)) {
            if (S3Keys.generationOf(prefix, listed.key()).isPresent()) {
                generations.add(listed);
            }
        }
        return generations; // keys are zero-padded: S3's order is generation order
    }

    static long generationOf(String partitionPrefix, S3Objects.Listed listed) {
        return S3Keys.generationOf(partitionPrefix, listed.key()).orElseThrow();
    }

    /** See {@link io.connectorkit.store.CheckpointStore#loadLatest}. */
    Optional<CheckpointEnvelope> loadLatest(String job, String partition) {
        StoreRules.requireIds(job, partition);
        String prefix = keys.partition(job, partition);
        // A writer may prune objects between our listing and our reads; list again then.
        for (int attempt = 0; attempt < 3; attempt++) {
            List<S3Objects.Listed> listed = generations(job, partition);
            if (listed.isEmpty()) {
                return Optional.empty();
            }
            List<Long> skipped = new ArrayList<>();
            String newestProblem = null;
            boolean vanished = false;
            for (int i = listed.size() - 1; i >= 0; i--) {
                long generation = generationOf(prefix, listed.get(i));
                try {
                    Optional<CheckpointEnvelope> envelope = read(job, partition, generation);
                    if (envelope.isEmpty()) {
                        vanished = true;
                        continue;
                    }
                    if (!skipped.isEmpty()) {
                        LOG.log(System.Logger.Level.WARNING, store + ": job '" + job + "' (" + prefix + "): skipped "
                                + skipped.size() + " corrupt newer object(s), generation(s) " + skipped
                                + " (the newest: " + newestProblem + "); using generation " + generation);
                    }
                    return envelope;
                } catch (EnvelopeDocument.CorruptDocumentException e) {
                    if (skipped.isEmpty()) {
                        newestProblem = keys.generation(job, partition, generation) + ": " + e.getMessage();
                    }
                    skipped.add(generation);
                }
            }
            if (!vanished || !skipped.isEmpty()) {
                throw new NoValidCheckpointException(store + ": job '" + job + "' (" + prefix + "): partition '"
                        + partition + "' has " + skipped.size() + " checkpoint object(s) but none is valid (the "
                        + "newest: " + newestProblem + "); refusing to restart from scratch");
            }
        }
        throw new CheckpointStoreException(store + ": job '" + job + "' (" + prefix + "): checkpoint objects kept "
                + "disappearing while reading; is another writer deleting them?");
    }

    /** See {@link io.connectorkit.store.CheckpointStore#load}. */
    Optional<CheckpointEnvelope> load(String job, String partition, long generation) {
        StoreRules.requireIds(job, partition);
        if (generation < 1 || generation > CheckpointEnvelope.MAX_GENERATION) {
            return Optional.empty();
        }
        try {
            return read(job, partition, generation);
        } catch (EnvelopeDocument.CorruptDocumentException e) {
            throw new CheckpointStoreException(store + ": job '" + job + "' (" + keys.generation(job, partition,
                    generation) + "): generation " + generation + " is corrupt: " + e.getMessage());
        }
    }

    /** See {@link io.connectorkit.store.CheckpointStore#history}. */
    List<CheckpointInfo> history(String job, String partition) {
        StoreRules.requireIds(job, partition);
        String prefix = keys.partition(job, partition);
        List<CheckpointInfo> history = new ArrayList<>();
        for (S3Objects.Listed listed : generations(job, partition)) {
            long generation = generationOf(prefix, listed);
            try {
                read(job, partition, generation).ifPresent(envelope -> history.add(envelope.info()));
            } catch (EnvelopeDocument.CorruptDocumentException e) {
                LOG.log(System.Logger.Level.WARNING, store + ": job '" + job + "' (" + listed.key() + "): corrupt "
                        + "checkpoint object left out of the history: " + e.getMessage());
            }
        }
        return history;
    }

    /** See {@link io.connectorkit.store.CheckpointStore#jobs}: one listing of the whole prefix. */
    List<String> jobs() {
        TreeSet<String> jobs = new TreeSet<>();
        String root = keys.root();
        for (S3Objects.Listed listed : objects.list(null, root)) {
            String[] parts = listed.key().substring(root.length()).split("/", -1);
            // <job>/partitions/<partition>/checkpoint-<n>.json
            if (parts.length == 4 && parts[1].equals("partitions") && isValidId(parts[0]) && isValidId(parts[2])
                    && S3Keys.generationOf(keys.partition(parts[0], parts[2]), listed.key()).isPresent()) {
                jobs.add(parts[0]);
            }
        }
        return List.copyOf(jobs);
    }

    /** See {@link io.connectorkit.store.CheckpointStore#savedBefore}. */
    boolean savedBefore(String job, String partition) {
        StoreRules.requireIds(job, partition);
        return objects.exists(job, keys.saved(job, partition));
    }

    /**
     * Reads and verifies one generation.
     *
     * @return empty when there is no such object (never saved, or pruned)
     * @throws EnvelopeDocument.CorruptDocumentException when it is damaged or disagrees with its key
     */
    private Optional<CheckpointEnvelope> read(String job, String partition, long generation)
            throws EnvelopeDocument.CorruptDocumentException {
        Optional<S3Objects.Blob> blob = objects.get(job, keys.generation(job, partition, generation), maxBytes);
        if (blob.isEmpty()) {
            return Optional.empty();
        }
        if (blob.get().tooLarge()) {
            throw new EnvelopeDocument.CorruptDocumentException("larger than the " + maxBytes + " bytes a store "
                    + "writes at most");
        }
        CheckpointEnvelope envelope = EnvelopeDocument.read(blob.get().bytes());
        if (!envelope.job().equals(job) || !envelope.partition().equals(partition)
                || envelope.generation() != generation) {
            throw new EnvelopeDocument.CorruptDocumentException("object holds job '" + envelope.job()
                    + "' partition '" + envelope.partition() + "' generation " + envelope.generation()
                    + ", expected job '" + job + "' partition '" + partition + "' generation " + generation);
        }
        return Optional.of(envelope);
    }

    private static boolean isValidId(String id) {
        try {
            StoreRules.requireJob(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
