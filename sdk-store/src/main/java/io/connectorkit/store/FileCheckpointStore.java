package io.connectorkit.store;

import io.connectorkit.store.EnvelopeCodec.InvalidCheckpointException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;

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
 * most {@code 2 × maxCheckpointBytes + 64 KiB} of each. Reads take no lock. Leftover temp files of interrupted saves are ignored by readers and removed once the lock
 * is taken. As nobody else can add or remove a job's generation files while the lock is held, the store keeps, per
 * partition it saved, the folder open for its fsync and the generations on disk in memory, listed at the first save
 * (and again after a failed one); a save lists nothing. Thread-safe; saves of one job are serialised.
 */
public final class FileCheckpointStore implements CheckpointStore {

    private static final System.Logger LOG = System.getLogger(FileCheckpointStore.class.getName());
    private static final Pattern TEMP_FILE = Pattern.compile("checkpoint-\\d{20}\\.json\\.[0-9a-f]+\\.tmp");
    private static final String PARTITIONS = "partitions";
    private static final String LOCK_FILE = ".lock";
    /** {@code <job>/saved-<partition>}: the partition saved checkpoints (see {@link #savedBefore}). */
    private static final String SAVED_PREFIX = "saved-";

    private final Path root;
    private final StoreOptions options;
    private final FileOps ops;
    private final Clock clock;
    private final String name;
    private final Map<String, JobWriter> writers = new HashMap<>();
    private final Pruner pruner;
    private final List<Consumer<WriterLostException>> lostListeners = new CopyOnWriteArrayList<>();
    private boolean closed;

    /** A store in {@code root} (created if missing) with {@link StoreOptions#DEFAULTS}. */
    public FileCheckpointStore(Path root) {
        this(root, StoreOptions.DEFAULTS);
    }

    public FileCheckpointStore(Path root, StoreOptions options) {
        this(root, options, FileOps.REAL, Clock.systemUTC());
    }

    FileCheckpointStore(Path root, StoreOptions options, FileOps ops, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.options = options;
        this.ops = ops;
        this.clock = clock;
        this.name = "file store " + this.root;
        this.pruner = new Pruner(name, ops);
    }

    /** The store's root folder. */
    public Path root() {
        return root;
    }

    @Override
    public StoreOptions options() {
        return options;
    }

    @Override
    public CheckpointEnvelope save(String job, String partition, String componentId, JsonObject checkpoint,
                                   Audit audit) {
        StoreIds.require("job", job);
        StoreIds.require("partition", partition);
        EnvelopeCodec.validate(job, partition, componentId, checkpoint, options.maxCheckpointBytes());
        JobWriter writer = writer(job);
        synchronized (writer) {
            writer.checkOpen();
            fence(writer);
            PartitionWriter partitionWriter = writer.partitions.get(partition);
            if (partitionWriter == null) {
                partitionWriter = PartitionWriter.open(name, job, partitionDir(job, partition), ops,
                        options.retention(), pruner);
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
            if (bytes.length > maxFileBytes()) {
                // Only a huge audit can get here; refused, or the file would be too large for read() to accept.
                throw new IllegalArgumentException("job '" + job + "': the envelope of generation " + next
                        + " would be " + bytes.length + " bytes, more than the limit of " + maxFileBytes()
                        + " bytes; is the audit too large?");
            }
            try {
                partitionWriter.write(next, bytes);
            } catch (CheckpointStoreException e) {
                // Start over at the next save: the folder itself may be gone (deleted by hand), and its channel with it.
                writer.partitions.remove(partition);
                closeQuietly(name, job, partitionWriter);
                throw e;
            }
            markSaved(writer, partition);
            return envelope;
        }
    }

    @Override
    public Optional<CheckpointEnvelope> loadLatest(String job, String partition) {
        Path dir = partitionDir(job, partition);
        // A concurrent writer may prune files between our listing and our reads; list again then.
        for (int attempt = 0; attempt < 3; attempt++) {
            GenerationFiles.Listing listing = listOrThrow(job, dir);
            warnIgnored(job, dir, listing);
            List<Long> generations = listing.generations();
            if (generations.isEmpty()) {
                return Optional.empty();
            }
            SkippedGenerations skipped = new SkippedGenerations("checkpoint file");
            boolean vanished = false;
            for (int i = generations.size() - 1; i >= 0; i--) {
                long generation = generations.get(i);
                Path file = dir.resolve(fileName(generation));
                try {
                    CheckpointEnvelope envelope = read(job, partition, generation, file);
                    if (!skipped.isEmpty()) {
                        LOG.log(System.Logger.Level.WARNING, CheckpointStoreException.describe(name, job, dir,
                                skipped.warning(generation)));
                    }
                    return Optional.of(envelope);
                } catch (NoSuchFileException e) {
                    vanished = true;
                } catch (InvalidCheckpointException e) {
                    skipped.add(generation, file.getFileName() + ": " + e.getMessage());
                }
            }
            if (!vanished || !skipped.isEmpty()) {
                throw new NoValidCheckpointException(CheckpointStoreException.describe(name, job, dir,
                        skipped.noneValid(partition)));
            }
        }
        throw new CheckpointStoreException(CheckpointStoreException.describe(name, job, dir,
                "checkpoint files kept disappearing while reading; is another process deleting them?"));
    }

    @Override
    public Optional<CheckpointEnvelope> load(String job, String partition, long generation) {
        Path file = partitionDir(job, partition).resolve(fileName(generation));
        try {
            return Optional.of(read(job, partition, generation, file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (InvalidCheckpointException e) {
            throw new CheckpointStoreException(CheckpointStoreException.describe(name, job, file,
                    "generation " + generation + " is corrupt: " + e.getMessage()));
        }
    }

    @Override
    public List<String> jobs() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<String> jobs = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path folder : folders) {
                String job = folder.getFileName().toString();
                if (StoreIds.isValid(job) && hasCheckpoints(folder.resolve(PARTITIONS))) {
                    jobs.add(job);
                }
            }
        } catch (IOException e) {
            throw new CheckpointStoreException(name + ": listing the jobs in " + root + " failed: " + e.getMessage(), e);
        }
        jobs.sort(null);
        return jobs;
    }

    private static boolean hasCheckpoints(Path partitions) throws IOException {
        if (!Files.isDirectory(partitions)) {
            return false;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(partitions, Files::isDirectory)) {
            for (Path dir : dirs) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "checkpoint-*.json")) {
                    if (files.iterator().hasNext()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Override
    public List<CheckpointInfo> history(String job, String partition) {
        Path dir = partitionDir(job, partition);
        List<CheckpointInfo> history = new ArrayList<>();
        GenerationFiles.Listing listing = listOrThrow(job, dir);
        warnIgnored(job, dir, listing);
        for (long generation : listing.generations()) {
            Path file = dir.resolve(fileName(generation));
            try {
                history.add(read(job, partition, generation, file).info());
            } catch (NoSuchFileException e) {
                // Pruned since the listing.
            } catch (InvalidCheckpointException e) {
                LOG.log(System.Logger.Level.WARNING, CheckpointStoreException.describe(name, job, file,
                        "corrupt checkpoint file left out of the history: " + e.getMessage()));
            }
        }
        return history;
    }

    @Override
    public void delete(String job) {
        StoreIds.require("job", job);
        JobWriter writer = writer(job);
        synchronized (writer) {
            writer.checkOpen();
            fence(writer);
            // Generation numbers restart after the delete: no deletion queued before it may run after a new save.
            pruner.awaitJob(job);
            writer.closePartitions(name);
            Path partitions = root.resolve(job).resolve(PARTITIONS);
            try {
                // The traces first: a delete cut short leaves checkpoints without them, never the other way round,
                // which would look like checkpoints deleted by hand.
                deleteSavedMarkers(job);
                writer.marked.clear();
                // Never into a link: what it leads to is not the store's to delete.
                SafeFiles.requireFolder(name, job, partitions);
                deletePartitions(job, partitions);
            } catch (NoSuchFileException e) {
                // No partition was ever saved.
            } catch (IOException e) {
                throw new CheckpointStoreException(CheckpointStoreException.describe(name, job, partitions,
                        "cannot delete the job's checkpoints: " + e), e);
            }
            writer.lastAssigned.clear();
        }
    }

    /** Deletes the {@code saved-*} traces of {@code job}'s partitions. */
    private void deleteSavedMarkers(String job) throws IOException {
        Path jobDir = root.resolve(job);
        try (DirectoryStream<Path> markers = Files.newDirectoryStream(jobDir, SAVED_PREFIX + "*")) {
            for (Path marker : markers) {
                ops.delete(marker);
            }
        }
        ops.forceDirectory(jobDir);
    }

    /** Deletes every partition folder of {@code job} and its files; a link instead of a folder is refused. */
    private void deletePartitions(String job, Path partitions) throws IOException {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(partitions)) {
            for (Path dir : dirs) {
                SafeFiles.requireFolder(name, job, dir);
                // Oldest first: if a delete fails half-way, what remains is the newest state, never an old one.
                for (long generation : GenerationFiles.list(dir).generations()) {
                    ops.delete(dir.resolve(fileName(generation)));
                }
                try (DirectoryStream<Path> rest = Files.newDirectoryStream(dir)) {
                    for (Path file : rest) {
                        ops.delete(file);
                    }
                }
                Files.delete(dir);
            }
        }
        ops.forceDirectory(partitions);
    }

    /**
     * Once a checkpoint of the partition is durable, writes {@code <job>/saved-<partition>} (once per store and
     * partition; kept if it exists): the trace that the partition saved checkpoints, which only {@link #delete}
     * removes. A failure is a warning: the checkpoint is saved, and the next save writes the trace again.
     */
    private void markSaved(JobWriter writer, String partition) {
        if (writer.marked.contains(partition)) {
            return;
        }
        Path jobDir = root.resolve(writer.job);
        Path marker = jobDir.resolve(SAVED_PREFIX + partition);
        try {
            try (FileChannel channel = FileChannel.open(marker, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS)) {
                channel.write(ByteBuffer.wrap(("partition '" + partition + "' of job '" + writer.job + "' saved "
                        + "checkpoints from " + clock.instant() + " on; while this file is here without them, the "
                        + "runner does not start the job over silently ('connectorkit checkpoint delete' removes both)"
                        + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            ops.forceDirectory(jobDir);
            writer.marked.add(partition);
        } catch (FileAlreadyExistsException e) {
            writer.marked.add(partition);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, CheckpointStoreException.describe(name, writer.job, marker,
                    "cannot write the trace that the partition saved checkpoints (retried at the next save): " + e));
        }
    }

    @Override
    public boolean savedBefore(String job, String partition) {
        StoreIds.require("job", job);
        StoreIds.require("partition", partition);
        return Files.exists(root.resolve(job).resolve(SAVED_PREFIX + partition), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public void lockForWriting(String job) {
        StoreIds.require("job", job);
        JobWriter writer = writer(job);
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
    private void fence(JobWriter writer) {
        if (writer.lost != null) {
            throw writer.lost;
        }
        try {
            writer.lock.fence();
        } catch (WriterLostException e) {
            writer.lost = e;
            writer.closePartitions(name);
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
     * Finishes the pruning of old generations, then releases every job lock this store holds. Reads still work
     * afterwards; writes do not.
     */
    @Override
    public void close() {
        List<JobWriter> toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(writers.values());
            writers.clear();
        }
        for (JobWriter writer : toClose) {
            synchronized (writer) {
                // Waits for a save in progress; none starts after this.
                writer.closed = true;
            }
        }
        // Before the locks go: once another writer holds them, it may save new files under the same names.
        pruner.close();
        CheckpointStoreException failure = null;
        for (JobWriter writer : toClose) {
            synchronized (writer) {
                writer.closePartitions(name);
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

    private static void closeQuietly(String storeName, String job, PartitionWriter partition) {
        try {
            partition.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, CheckpointStoreException.describe(storeName, job, partition.dir(),
                    "cannot close the partition folder: " + e));
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

    private synchronized JobWriter writer(String job) {
        if (closed) {
            throw new CheckpointStoreException(CheckpointStoreException.describe(name, job, root,
                    "the store is closed"));
        }
        JobWriter writer = writers.get(job);
        if (writer == null) {
            Path jobDir = root.resolve(job);
            try {
                Files.createDirectories(jobDir);
                SafeFiles.requireFolder(name, job, jobDir);
                if (Files.exists(jobDir.resolve(PARTITIONS), LinkOption.NOFOLLOW_LINKS)) {
                    SafeFiles.requireFolder(name, job, jobDir.resolve(PARTITIONS));
                }
            } catch (IOException e) {
                throw new CheckpointStoreException(CheckpointStoreException.describe(name, job, jobDir,
                        "cannot create the job folder: " + e), e);
            }
            writer = new JobWriter(job, FileJobLock.acquire(name, job, jobDir.resolve(LOCK_FILE)));
            writers.put(job, writer);
            removeTempFiles(job);
        }
        return writer;
    }

    /** Removes temp files of saves interrupted by a crash; safe because we now hold the job's only writer lock. */
    private void removeTempFiles(String job) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root.resolve(job).resolve(PARTITIONS),
                dir -> Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS))) {
            for (Path dir : dirs) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                    for (Path file : files) {
                        if (TEMP_FILE.matcher(file.getFileName().toString()).matches()) {
                            LOG.log(System.Logger.Level.INFO, CheckpointStoreException.describe(name, job, file,
                                    "removing the temp file of an interrupted save"));
                            ops.delete(file);
                        }
                    }
                }
            }
        } catch (NoSuchFileException e) {
            // No partition yet.
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, CheckpointStoreException.describe(name, job, root.resolve(job),
                    "cannot remove leftover temp files (they are ignored anyway): " + e));
        }
    }

    private Path partitionDir(String job, String partition) {
        StoreIds.require("job", job);
        StoreIds.require("partition", partition);
        Path dir = root.resolve(job).resolve(PARTITIONS).resolve(partition).normalize();
        if (!dir.startsWith(root)) {
            // Unreachable with validated ids; kept as a last line of defence.
            throw new IllegalArgumentException("job '" + job + "' partition '" + partition + "' escapes " + root);
        }
        return dir;
    }

    private CheckpointEnvelope read(String job, String partition, long generation, Path file)
            throws NoSuchFileException, InvalidCheckpointException {
        String text;
        try {
            // Never a file we cannot have written, whatever its size claims: a damaged or planted file is skipped.
            byte[] bytes = SafeFiles.read(file, maxFileBytes());
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw e;
        } catch (CharacterCodingException e) {
            throw new InvalidCheckpointException("not valid UTF-8 (" + e + ")");
        } catch (IOException e) {
            // Unreadable is not the same as corrupt: fail loudly rather than fall back to an older generation.
            throw new CheckpointStoreException(CheckpointStoreException.describe(name, job, file,
                    "cannot read checkpoint file: " + e), e);
        }
        CheckpointEnvelope envelope = EnvelopeCodec.fromJson(text);
        if (!envelope.job().equals(job) || !envelope.partition().equals(partition)
                || envelope.generation() != generation) {
            throw new InvalidCheckpointException("file holds job '" + envelope.job() + "' partition '"
                    + envelope.partition() + "' generation " + envelope.generation() + ", expected job '" + job
                    + "' partition '" + partition + "' generation " + generation);
        }
        return envelope;
    }

    /** The largest envelope file read: the checkpoint, an audit of the same size at most, and the metadata. */
    private long maxFileBytes() {
        return 2L * options.maxCheckpointBytes() + 64 * 1024;
    }

    private GenerationFiles.Listing listOrThrow(String job, Path dir) {
        try {
            return GenerationFiles.list(dir);
        } catch (IOException e) {
            throw new CheckpointStoreException(CheckpointStoreException.describe(name, job, dir,
                    "cannot list checkpoint files: " + e), e);
        }
    }

    private void warnIgnored(String job, Path dir, GenerationFiles.Listing listing) {
        String warning = listing.ignoredWarning();
        if (warning != null) {
            LOG.log(System.Logger.Level.WARNING, CheckpointStoreException.describe(name, job, dir, warning));
        }
    }

    static String fileName(long generation) {
        return GenerationFiles.fileName(generation);
    }

    /**
     * The writer lock of one job, the last generation handed out per partition, and the writer state of each partition
     * saved since the lock was taken. Guarded by itself.
     */
    private static final class JobWriter {
        final String job;
        final FileJobLock lock;
        final Map<String, Long> lastAssigned = new HashMap<>();
        final Map<String, PartitionWriter> partitions = new HashMap<>();
        boolean closed;
        /** Set once the lock file is found deleted or replaced; every later write throws it. */
        WriterLostException lost;
        /** Partitions whose {@code saved-} trace this writer knows is on disk. */
        final Set<String> marked = new HashSet<>();

        JobWriter(String job, FileJobLock lock) {
            this.job = job;
            this.lock = lock;
        }

        void checkOpen() {
            if (closed) {
                throw new CheckpointStoreException("job '" + job + "': the store was closed during this call");
            }
        }

        /** Closes and forgets the partitions' writer state; the next save of each opens and lists it again. */
        void closePartitions(String storeName) {
            for (PartitionWriter partition : partitions.values()) {
                closeQuietly(storeName, job, partition);
            }
            partitions.clear();
        }
    }
}
