package io.connectorkit.store;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A {@link CheckpointStore} in a folder, one file per generation.
 *
 * <h2>Layout</h2>
 * <pre>
 * &lt;root&gt;/&lt;job&gt;/.lock                                   writer lock (never deleted), naming its holder
 * &lt;root&gt;/&lt;job&gt;/saved-&lt;partition&gt;                     the partition saved checkpoints (only delete removes it)
 * &lt;root&gt;/&lt;job&gt;/partitions/&lt;partition&gt;/checkpoint-00000000000000000042.json
 * &lt;root&gt;/&lt;job&gt;/partitions/&lt;partition&gt;/checkpoint-00000000000000000042.json.&lt;random&gt;.tmp   (a save in progress)
 * </pre>
 * Partitions live under {@code partitions/} so that no partition name (even {@code .lock}) can collide with the
 * job's own files. Generation numbers are zero-padded to 20 digits so that a plain listing sorts by generation. Each
 * file is the whole envelope as one compact JSON object: {@code format, job, partition, generation, createdAt,
 * componentId, version, audit, checksum, checkpoint}.
 *
 * <h2>Durability</h2>
 * A save writes a temp file in the same folder, forces it, renames it atomically over the final name, then forces the
 * folder, and returns only then. A crash at any point leaves either the previous generations or the new one complete,
 * never a torn file under a checkpoint name. If any step fails, the save throws and the new generation is removed
 * again, so the previous one stays the latest.
 *
 * <h2>Retention</h2>
 * Once a save is durable, the generations beyond the retention are handed to a background daemon thread of the store
 * (started at the first such hand-over), which deletes them oldest first; the save does not wait for it. So at least
 * {@link StoreOptions#retention()} generations are always kept, and older ones may remain for a moment. A delete that
 * fails is logged as a WARNING naming the file and retried after the next save of that partition. {@link #delete}
 * and {@link #close()} first wait for the job's (or all) pending deletes, so none of them can run once generation
 * numbers restart or another writer takes the lock.
 *
 * <h2>Corruption</h2>
 * Loading reads the newest file first; a truncated or damaged one (bad UTF-8 or JSON, missing or unknown field,
 * checksum mismatch, name disagreeing with content) is skipped and the next older valid one is used, with one WARNING
 * naming the skipped generations and why the newest is invalid. If files exist but none is valid, loading throws a
 * {@link NoValidCheckpointException}.
 *
 * <h2>Writers</h2>
 * The first save, delete or {@link #lockForWriting} of a job takes an exclusive OS lock on {@code <job>/.lock},
 * held until {@link #close()}; another store, in this or another process, then fails fast when it tries to write that
 * job. Every save and delete first checks that the file at the lock path is still the one locked ({@link FileJobLock}):
 * if someone deleted or replaced it (and another writer may have locked the new one), the store throws a
 * {@link WriterLostException}, tells the {@link #onWriterLost} listeners and writes nothing more for that job. Nothing
 * below the root is written or deleted through a symbolic link, and only regular files are read as checkpoints, at
 * most {@code 2 × maxCheckpointBytes + 64 KiB} of each. Reads take no lock. Leftover temp files of interrupted saves
 * are ignored by readers and removed once the lock is taken. As nobody else can add or remove a job's generation files while the lock is held, the store keeps, per
 * partition it saved, the folder open for its fsync and the generations on disk in memory, listed at the first save
 * (and again after a failed one); a save lists nothing. Thread-safe; saves of one job are serialised.
 *
 * <h2>Lifecycle</h2>
 * API for hosts. Creating a store touches nothing on disk; the first write of a job creates the folders and takes the
 * job's lock. Whoever created the store closes it: {@link #close()} finishes the pruning and releases the locks; reads
 * still work afterwards, writes throw a {@link CheckpointStoreException}.
 */
public final class FileCheckpointStore implements CheckpointStore {

    private static final System.Logger LOG = System.getLogger(FileCheckpointStore.class.getName());
    private static final String LOCK_FILE = ".lock";

    private final Path root;
    private final StoreOptions options;
    private final FileOps ops;
    private final Clock clock;
    private final String name;
    private final FileGenerations generations;
    private final Map<String, FileJobWriter> writers = new HashMap<>();
    private final Pruner pruner;
    private final List<Consumer<WriterLostException>> lostListeners = new CopyOnWriteArrayList<>();
    private boolean closed;

    /** A store in {@code root} with {@link StoreOptions#DEFAULTS}. */
    public FileCheckpointStore(Path root) {
        this(root, StoreOptions.DEFAULTS);
    }

    /** A store in {@code root}, created if missing at the first write of a job. */
    public FileCheckpointStore(Path root, StoreOptions options) {
        this(root, options, FileOps.REAL, Clock.systemUTC());
    }

    FileCheckpointStore(Path root, StoreOptions options, FileOps ops, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.options = options;
        this.ops = ops;
        this.clock = clock;
        this.name = "file store " + this.root;
        this.generations = new FileGenerations(name, this.root, options);
        this.pruner = new Pruner(name, ops);
    }

    @Override
    public StoreOptions options() {
        return options;
    }

    @Override
    public CheckpointEnvelope save(String job, String partition, String componentId, JsonObject checkpoint,
                                   Audit audit) {
        Path dir = generations.partitionDir(job, partition);
        EnvelopeCodec.validate(job, partition, componentId, checkpoint, options.maxCheckpointBytes());
        FileJobWriter writer = writer(job);
        synchronized (writer) {
            writer.checkOpen();
            fence(writer);
            PartitionWriter partitionWriter = writer.partitions.get(partition);
            if (partitionWriter == null) {
                partitionWriter = PartitionWriter.open(name, job, dir, ops, options.retention(), pruner);
                writer.partitions.put(partition, partitionWriter);
            }
            long newest = Math.max(partitionWriter.newest(), writer.lastAssigned.getOrDefault(partition, 0L));
            if (newest >= CheckpointEnvelope.MAX_GENERATION) {
                throw new CheckpointStoreException(CheckpointStoreException.describe(name, job,
                        partitionWriter.file(newest), "generation " + newest + " is the largest a store may write ("
                                + CheckpointEnvelope.MAX_GENERATION + "), so no generation can follow it; if this "
                                + "file was planted, move it away"));
            }
            long next = newest + 1;
            // Remembered even if this save fails, so that a generation number is never handed out twice.
            writer.lastAssigned.put(partition, next);
            CheckpointEnvelope envelope = EnvelopeCodec.seal(job, partition, next, clock.instant(), componentId,
                    checkpoint, audit);
            byte[] bytes = EnvelopeCodec.write(EnvelopeCodec.toJson(envelope)).getBytes(StandardCharsets.UTF_8);
            if (bytes.length > generations.maxFileBytes()) {
                // Only a huge audit can get here; refused, or the file would be too large for read() to accept.
                throw new IllegalArgumentException("job '" + job + "': the envelope of generation " + next
                        + " would be " + bytes.length + " bytes, more than the limit of " + generations.maxFileBytes()
                        + " bytes; is the audit too large?");
            }
            try {
                partitionWriter.write(next, bytes);
            } catch (CheckpointStoreException e) {
                // Start over at the next save: the folder itself may be gone (deleted by hand), and its channel with it.
                writer.partitions.remove(partition);
                FileJobWriter.closeQuietly(name, job, partitionWriter);
                throw e;
            }
            writer.markSaved(partition);
            return envelope;
        }
    }

    @Override
    public Optional<CheckpointEnvelope> loadLatest(String job, String partition) {
        return generations.loadLatest(job, partition);
    }

    @Override
    public Optional<CheckpointEnvelope> load(String job, String partition, long generation) {
        return generations.load(job, partition, generation);
    }

    @Override
    public List<String> jobs() {
        return generations.jobs();
    }

    @Override
    public List<CheckpointInfo> history(String job, String partition) {
        return generations.history(job, partition);
    }

    @Override
    public void delete(String job) {
        StoreIds.require("job", job);
        FileJobWriter writer = writer(job);
        synchronized (writer) {
            writer.checkOpen();
            fence(writer);
            // Generation numbers restart after the delete: no deletion queued before it may run after a new save.
            pruner.awaitJob(job);
            writer.closePartitions();
            try {
                writer.deleteAll();
            } catch (NoSuchFileException e) {
                // No partition was ever saved.
            } catch (IOException e) {
                throw new CheckpointStoreException(CheckpointStoreException.describe(name, job,
                        root.resolve(job).resolve(FileGenerations.PARTITIONS), "cannot delete the job's checkpoints: "
                                + e), e);
            }
            writer.lastAssigned.clear();
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: the {@code saved-<partition>} trace first, then the generation files oldest first, what else the
     * folder holds (temp files) and the folder, each step made durable; a delete cut short leaves the partition's
     * newest generations readable. Pending pruning of the job is finished first, since generation numbers restart.
     */
    @Override
    public void delete(String job, String partition) {
        Path dir = generations.partitionDir(job, partition);
        FileJobWriter writer = writer(job);
        synchronized (writer) {
            writer.checkOpen();
            fence(writer);
            pruner.awaitJob(job);
            PartitionWriter partitionWriter = writer.partitions.remove(partition);
            if (partitionWriter != null) {
                FileJobWriter.closeQuietly(name, job, partitionWriter);
            }
            try {
                writer.deletePartition(partition, dir);
            } catch (IOException e) {
                throw new CheckpointStoreException(CheckpointStoreException.describe(name, job, dir,
                        "cannot delete the checkpoints of partition '" + partition + "': " + e), e);
            }
            // Only once nothing is left: after a failed delete, numbers go on above what may remain.
            writer.lastAssigned.remove(partition);
        }
    }

    @Override
    public boolean savedBefore(String job, String partition) {
        return generations.savedBefore(job, partition);
    }

    @Override
    public void lockForWriting(String job) {
        StoreIds.require("job", job);
        FileJobWriter writer = writer(job);
        synchronized (writer) {
            if (writer.lost != null) {
                throw writer.lost;
            }
        }
    }

    @Override
    public void onWriterLost(Consumer<WriterLostException> listener) {
        lostListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Before every write: throws when the job's lock file is no longer the one this store locked (deleted or replaced
     * by hand), and from then on for every write of the job; the listeners are told once.
     */
    private void fence(FileJobWriter writer) {
        if (writer.lost != null) {
            throw writer.lost;
        }
        try {
            writer.lock.fence();
        } catch (WriterLostException e) {
            writer.lost = e;
            writer.closePartitions();
            for (Consumer<WriterLostException> listener : lostListeners) {
                try {
                    listener.accept(e);
                } catch (RuntimeException failed) {
                    LOG.log(System.Logger.Level.WARNING, name + ": a writer-lost listener failed: " + failed);
                }
            }
            throw e;
        }
    }

    /**
     * Finishes the pruning of old generations, then releases every job lock this store holds. Idempotent. Reads still
     * work afterwards; writes throw a {@link CheckpointStoreException}.
     */
    @Override
    public void close() {
        List<FileJobWriter> toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(writers.values());
            writers.clear();
        }
        for (FileJobWriter writer : toClose) {
            synchronized (writer) {
                // Waits for a save in progress; none starts after this.
                writer.closed = true;
            }
        }
        // Before the locks go: once another writer holds them, it may save new files under the same names.
        pruner.close();
        CheckpointStoreException failure = null;
        for (FileJobWriter writer : toClose) {
            synchronized (writer) {
                writer.closePartitions();
                try {
                    writer.lock.close();
                } catch (IOException e) {
                    failure = new CheckpointStoreException(CheckpointStoreException.describe(name, writer.job,
                            writer.lock.file(), "cannot release the writer lock: " + e), e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Waits until the pruning of old generations handed over so far is finished; for tests. */
    void awaitPruning() {
        pruner.awaitAll();
    }

    /** The pruning thread, or {@code null} if none runs; for tests. */
    Thread pruningThread() {
        return pruner.thread();
    }

    @Override
    public String toString() {
        return name;
    }

    /** The writer of {@code job}, taking the job's lock at the first call. */
    private synchronized FileJobWriter writer(String job) {
        if (closed) {
            throw new CheckpointStoreException(CheckpointStoreException.describe(name, job, root,
                    "the store is closed"));
        }
        FileJobWriter writer = writers.get(job);
        if (writer == null) {
            Path jobDir = root.resolve(job);
            try {
                Files.createDirectories(jobDir);
                SafeFiles.requireFolder(name, job, jobDir);
                if (Files.exists(jobDir.resolve(FileGenerations.PARTITIONS), LinkOption.NOFOLLOW_LINKS)) {
                    SafeFiles.requireFolder(name, job, jobDir.resolve(FileGenerations.PARTITIONS));
                }
            } catch (IOException e) {
                throw new CheckpointStoreException(CheckpointStoreException.describe(name, job, jobDir,
                        "cannot create the job folder: " + e), e);
            }
            writer = new FileJobWriter(name, job, jobDir, FileJobLock.acquire(name, job, jobDir.resolve(LOCK_FILE)),
                    ops, clock);
            writers.put(job, writer);
            writer.removeTempFiles();
        }
        return writer;
    }

    static String fileName(long generation) {
        return GenerationFiles.fileName(generation);
    }
}
