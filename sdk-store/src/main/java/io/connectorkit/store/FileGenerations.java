package io.connectorkit.store;

import io.connectorkit.store.EnvelopeCodec.InvalidCheckpointException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reading side of a {@link FileCheckpointStore}: where a job's and a partition's files are, listing the
 * generations, and reading and verifying them (the newest valid one, one generation, the history, the jobs, the
 * {@code saved-} traces). Reads take no lock. Thread-safe.
 */
final class FileGenerations {

    private static final System.Logger LOG = System.getLogger(FileCheckpointStore.class.getName());
    /** The folder of a job's partition folders, so that no partition name can collide with the job's own files. */
    static final String PARTITIONS = "partitions";
    /** {@code <job>/saved-<partition>}: the partition saved checkpoints. */
    static final String SAVED_PREFIX = "saved-";

    private final String store;
    private final Path root;
    private final StoreOptions options;

    /**
     * @param store the store's description, for messages
     * @param root the store's root folder, absolute and normalised
     */
    FileGenerations(String store, Path root, StoreOptions options) {
        this.store = store;
        this.root = root;
        this.options = options;
    }

    /** {@code <root>/<job>/partitions/<partition>}; the ids are validated. */
    Path partitionDir(String job, String partition) {
        StoreIds.require("job", job);
        StoreIds.require("partition", partition);
        Path dir = root.resolve(job).resolve(PARTITIONS).resolve(partition).normalize();
        if (!dir.startsWith(root)) {
            // Unreachable with validated ids; kept as a last line of defence.
            throw new IllegalArgumentException("job '" + job + "' partition '" + partition + "' escapes " + root);
        }
        return dir;
    }

    /** See {@link CheckpointStore#loadLatest}. */
    Optional<CheckpointEnvelope> loadLatest(String job, String partition) {
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
                Path file = dir.resolve(GenerationFiles.fileName(generation));
                try {
                    CheckpointEnvelope envelope = read(job, partition, generation, file);
                    if (!skipped.isEmpty()) {
                        LOG.log(System.Logger.Level.WARNING, CheckpointStoreException.describe(store, job, dir,
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
                throw new NoValidCheckpointException(CheckpointStoreException.describe(store, job, dir,
                        skipped.noneValid(partition)));
            }
        }
        throw new CheckpointStoreException(CheckpointStoreException.describe(store, job, dir,
                "checkpoint files kept disappearing while reading; is another process deleting them?"));
    }

    /** See {@link CheckpointStore#load}. */
    Optional<CheckpointEnvelope> load(String job, String partition, long generation) {
        Path file = partitionDir(job, partition).resolve(GenerationFiles.fileName(generation));
        try {
            return Optional.of(read(job, partition, generation, file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (InvalidCheckpointException e) {
            throw new CheckpointStoreException(CheckpointStoreException.describe(store, job, file,
                    "generation " + generation + " is corrupt: " + e.getMessage()));
        }
    }

    /** See {@link CheckpointStore#history}. */
    List<CheckpointInfo> history(String job, String partition) {
        Path dir = partitionDir(job, partition);
        List<CheckpointInfo> history = new ArrayList<>();
        GenerationFiles.Listing listing = listOrThrow(job, dir);
        warnIgnored(job, dir, listing);
        for (long generation : listing.generations()) {
            Path file = dir.resolve(GenerationFiles.fileName(generation));
            try {
                history.add(read(job, partition, generation, file).info());
            } catch (NoSuchFileException e) {
                // Pruned since the listing.
            } catch (InvalidCheckpointException e) {
                LOG.log(System.Logger.Level.WARNING, CheckpointStoreException.describe(store, job, file,
                        "corrupt checkpoint file left out of the history: " + e.getMessage()));
            }
        }
        return history;
    }

    /** See {@link CheckpointStore#jobs}. */
    List<String> jobs() {
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
            throw new CheckpointStoreException(store + ": listing the jobs in " + root + " failed: " + e.getMessage(),
                    e);
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

    /** See {@link CheckpointStore#savedBefore}: whether {@code <job>/saved-<partition>} is there. */
    boolean savedBefore(String job, String partition) {
        StoreIds.require("job", job);
        StoreIds.require("partition", partition);
        return Files.exists(root.resolve(job).resolve(SAVED_PREFIX + partition), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Reads and verifies one generation file.
     *
     * @throws NoSuchFileException when it is not there (never saved, or pruned)
     * @throws InvalidCheckpointException when it is damaged, or its content disagrees with its name
     * @throws CheckpointStoreException when it cannot be read: unreadable is not corrupt
     */
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
            throw new CheckpointStoreException(CheckpointStoreException.describe(store, job, file,
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
    long maxFileBytes() {
        return 2L * options.maxCheckpointBytes() + 64 * 1024;
    }

    private GenerationFiles.Listing listOrThrow(String job, Path dir) {
        try {
            return GenerationFiles.list(dir);
        } catch (IOException e) {
            throw new CheckpointStoreException(CheckpointStoreException.describe(store, job, dir,
                    "cannot list checkpoint files: " + e), e);
        }
    }

    private void warnIgnored(String job, Path dir, GenerationFiles.Listing listing) {
        String warning = listing.ignoredWarning();
        if (warning != null) {
            LOG.log(System.Logger.Level.WARNING, CheckpointStoreException.describe(store, job, dir, warning));
        }
    }
}
