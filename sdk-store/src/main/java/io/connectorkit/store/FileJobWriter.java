package io.connectorkit.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a {@link FileCheckpointStore} keeps about one job while it holds the job's writer lock, and the file work done
 * under that lock besides writing generations: the last generation handed out per partition, the writer state of each
 * partition saved, the {@code saved-} traces, deleting the job's partitions (all or one), and removing the temp
 * files that interrupted saves left. Guarded by itself: the store calls it under {@code synchronized (writer)}.
 */
final class FileJobWriter {

    private static final System.Logger LOG = System.getLogger(FileCheckpointStore.class.getName());
    private static final Pattern TEMP_FILE = Pattern.compile("checkpoint-\\d{20}\\.json\\.[0-9a-f]+\\.tmp");

    final String job;
    final FileJobLock lock;
    final Map<String, Long> lastAssigned = new HashMap<>();
    final Map<String, PartitionWriter> partitions = new HashMap<>();
    boolean closed;
    /** Set once the lock file is found deleted or replaced; every later write throws it. */
    WriterLostException lost;
    /** Partitions whose {@code saved-} trace this writer knows is on disk. */
    private final Set<String> marked = new HashSet<>();
    private final String store;
    private final Path jobDir;
    private final FileOps ops;
    private final Clock clock;

    /**
     * @param store the store's description, for messages
     * @param jobDir {@code <root>/<job>}, which {@code lock} locks
     */
    FileJobWriter(String store, String job, Path jobDir, FileJobLock lock, FileOps ops, Clock clock) {
        this.store = store;
        this.job = job;
        this.jobDir = jobDir;
        this.lock = lock;
        this.ops = ops;
        this.clock = clock;
    }

    void checkOpen() {
        if (closed) {
            throw new CheckpointStoreException("job '" + job + "': the store was closed during this call");
        }
    }

    /** Closes and forgets the partitions' writer state; the next save of each opens and lists it again. */
    void closePartitions() {
        for (PartitionWriter partition : partitions.values()) {
            closeQuietly(store, job, partition);
        }
        partitions.clear();
    }

    static void closeQuietly(String store, String job, PartitionWriter partition) {
        try {
            partition.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, CheckpointStoreException.describe(store, job, partition.dir(),
                    "cannot close the partition folder: " + e));
        }
    }

    /**
     * Once a checkpoint of the partition is durable, writes {@code <job>/saved-<partition>} (once per store and
     * partition; kept if it exists): the trace that the partition saved checkpoints, which only a delete removes. A
     * failure is a warning: the checkpoint is saved, and the next save writes the trace again.
     */
    void markSaved(String partition) {
        if (marked.contains(partition)) {
            return;
        }
        Path marker = jobDir.resolve(FileGenerations.SAVED_PREFIX + partition);
        try {
            try (FileChannel channel = FileChannel.open(marker, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS)) {
                channel.write(ByteBuffer.wrap(("partition '" + partition + "' of job '" + job + "' saved "
                        + "checkpoints from " + clock.instant() + " on; while this file is here without them, the "
                        + "runner does not start the job over silently ('connectorkit checkpoint delete' removes both)"
                        + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            ops.forceDirectory(jobDir);
            marked.add(partition);
        } catch (FileAlreadyExistsException e) {
            marked.add(partition);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, CheckpointStoreException.describe(store, job, marker,
                    "cannot write the trace that the partition saved checkpoints (retried at the next save): " + e));
        }
    }

    /**
     * Deletes the job's {@code saved-} traces, then every partition folder and its files; a link instead of a folder
     * is refused. The traces go first: a delete cut short leaves checkpoints without them, never the other way round,
     * which would look like checkpoints deleted by hand.
     *
     * @throws NoSuchFileException when the job never saved a partition
     */
    void deleteAll() throws IOException {
        try (DirectoryStream<Path> markers = Files.newDirectoryStream(jobDir, FileGenerations.SAVED_PREFIX + "*")) {
            for (Path marker : markers) {
                ops.delete(marker);
            }
        }
        ops.forceDirectory(jobDir);
        marked.clear();
        Path partitionsDir = jobDir.resolve(FileGenerations.PARTITIONS);
        // Never into a link: what it leads to is not the store's to delete.
        SafeFiles.requireFolder(store, job, partitionsDir);
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(partitionsDir)) {
            for (Path dir : dirs) {
                deleteFolder(dir);
            }
        }
        ops.forceDirectory(partitionsDir);
    }

    /**
     * Deletes one partition as {@link #deleteAll} deletes each: its {@code saved-} trace first (made durable), then
     * its folder ({@code dir}, {@code <job>/partitions/<partition>}) and files; a link instead of a folder is refused.
     * Does nothing more when the partition has no folder.
     */
    void deletePartition(String partition, Path dir) throws IOException {
        ops.delete(jobDir.resolve(FileGenerations.SAVED_PREFIX + partition));
        ops.forceDirectory(jobDir);
        marked.remove(partition);
        Path partitionsDir = dir.getParent();
        if (!Files.exists(partitionsDir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        SafeFiles.requireFolder(store, job, partitionsDir);
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        deleteFolder(dir);
        ops.forceDirectory(partitionsDir);
    }

    /** Deletes a partition folder: generation files oldest first, then the rest, then the folder itself. */
    private void deleteFolder(Path dir) throws IOException {
        SafeFiles.requireFolder(store, job, dir);
        // Oldest first: if a delete fails half-way, what remains is the newest state, never an old one.
        for (long generation : GenerationFiles.list(dir).generations()) {
            ops.delete(dir.resolve(GenerationFiles.fileName(generation)));
        }
        try (DirectoryStream<Path> rest = Files.newDirectoryStream(dir)) {
            for (Path file : rest) {
                ops.delete(file);
            }
        }
        Files.delete(dir);
    }

    /** Removes temp files of saves interrupted by a crash; safe because this writer holds the job's only lock. */
    void removeTempFiles() {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(jobDir.resolve(FileGenerations.PARTITIONS),
                dir -> Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS))) {
            for (Path dir : dirs) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                    for (Path file : files) {
                        if (TEMP_FILE.matcher(file.getFileName().toString()).matches()) {
                            LOG.log(System.Logger.Level.INFO, CheckpointStoreException.describe(store, job, file,
                                    "removing the temp file of an interrupted save"));
                            ops.delete(file);
                        }
                    }
                }
            }
        } catch (NoSuchFileException e) {
            // No partition yet.
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, CheckpointStoreException.describe(store, job, jobDir,
                    "cannot remove leftover temp files (they are ignored anyway): " + e));
        }
    }
}
