package io.connectorkit.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a {@link FileCheckpointStore} keeps about one (job, partition) while it holds the job's writer lock: the
 * partition folder, open for its fsync, and the generations on disk, listed at the first save and then maintained in
 * memory. Nobody else adds or removes generation files meanwhile (the lock is exclusive across processes), so a save
 * lists nothing; after a failed save, whose cleanup may itself have failed, the folder is listed again.
 *
 * <p>{@link #write} runs under the job writer's monitor; the generation list is also updated by the store's
 * {@link Pruner}, so it is guarded by this object.
 */
final class PartitionWriter {

    private static final System.Logger LOG = System.getLogger(FileCheckpointStore.class.getName());

    private final String storeName;
    private final String job;
    private final Path dir;
    private final FileOps ops;
    private final int retention;
    private final Pruner pruner;
    /** The open partition folder, or {@code null} where the platform cannot open one. */
    private final FileChannel folder;
    /** Generations believed on disk, ascending, including those handed to the pruner; {@code null}: list again. */
    private TreeSet<Long> onDisk;
    /** Generations handed to the pruner and not yet reported back. */
    private final Set<Long> pruning = new HashSet<>();

    private PartitionWriter(String storeName, String job, Path dir, FileOps ops, int retention, Pruner pruner,
                            FileChannel folder) {
        this.storeName = storeName;
        this.job = job;
        this.dir = dir;
        this.ops = ops;
        this.retention = retention;
        this.pruner = pruner;
        this.folder = folder;
    }

    /**
     * Creates the partition folder {@code dir} if missing (and makes its entry durable) and opens it.
     *
     * @throws CheckpointStoreException when it cannot be created or opened
     */
    static PartitionWriter open(String storeName, String job, Path dir, FileOps ops, int retention, Pruner pruner) {
        try {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dir);
                // Make the new folders' entries durable too, or a crash could lose the whole partition folder.
                ops.forceDirectory(dir.getParent());
                ops.forceDirectory(dir.getParent().getParent());
            }
            // Never through a link, which could lead outside the store's root.
            SafeFiles.requireFolder(storeName, job, dir.getParent());
            SafeFiles.requireFolder(storeName, job, dir);
        } catch (IOException e) {
            throw new CheckpointStoreException(CheckpointStoreException.describe(storeName, job, dir,
                    "cannot create the partition folder: " + e), e);
        }
        try {
            return new PartitionWriter(storeName, job, dir, ops, retention, pruner, ops.openDirectory(dir));
        } catch (IOException e) {
            throw new CheckpointStoreException(CheckpointStoreException.describe(storeName, job, dir,
                    "cannot open the partition folder: " + e), e);
        }
    }

    String job() {
        return job;
    }

    int retention() {
        return retention;
    }

    /** The partition folder. */
    Path dir() {
        return dir;
    }

    Path file(long generation) {
        return dir.resolve(FileCheckpointStore.fileName(generation));
    }

    /**
     * The newest generation on disk, 0 if none; lists the folder only at the first call and after a failed save.
     *
     * @throws CheckpointStoreException when the folder cannot be listed
     */
    synchronized long newest() {
        if (onDisk == null) {
            try {
                onDisk = new TreeSet<>(GenerationFiles.list(dir).generations());
            } catch (IOException e) {
                throw new CheckpointStoreException(CheckpointStoreException.describe(storeName, job, dir,
                        "cannot list checkpoint files: " + e), e);
            }
        }
        return onDisk.isEmpty() ? 0 : onDisk.last();
    }

    /**
     * Writes {@code bytes} as the file of {@code generation} durably: a temp file in the folder, forced, renamed over
     * the final name, then the folder forced. Then hands the generations beyond the retention to the pruner.
     *
     * @throws CheckpointStoreException when a step failed; the new generation is then removed again
     */
    void write(long generation, byte[] bytes) {
        Path target = file(generation);
        Path temp = dir.resolve(target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp");
        String step = "create temp file";
        boolean moved = false;
        try {
            try (FileChannel channel = ops.create(temp)) {
                step = "write temp file";
                ops.write(channel, ByteBuffer.wrap(bytes));
                step = "force temp file";
                ops.force(channel);
                step = "close temp file";
            }
            step = "rename temp file";
            ops.move(temp, target);
            moved = true;
            step = "force folder";
            ops.forceDirectory(folder);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            if (moved) {
                // The caller is told the save failed, so the new generation must not become the latest.
                deleteQuietly(target);
            }
            synchronized (this) {
                // A cleanup may have failed too: trust the folder, not memory, at the next save.
                onDisk = null;
            }
            throw new CheckpointStoreException(CheckpointStoreException.describe(storeName, job, target,
                    "saving generation " + generation + " failed at step '" + step + "': " + e
                            + "; the previous generation is still the latest"), e);
        }
        pruner.submit(this, saved(generation));
    }

    /** Records {@code generation} as on disk; returns the generations beyond retention not yet being pruned. */
    private synchronized List<Long> saved(long generation) {
        newest();
        onDisk.add(generation);
        List<Long> prune = new ArrayList<>();
        int excess = onDisk.size() - retention;
        for (long old : onDisk) {
            if (excess-- <= 0) {
                break;
            }
            if (pruning.add(old)) {
                prune.add(old);
            }
        }
        return prune;
    }

    /**
     * The pruner's report on {@code generation}: deleted, or still on disk (kept in the list, so that the next save
     * hands it over again).
     */
    synchronized void pruned(long generation, boolean deleted) {
        pruning.remove(generation);
        if (deleted && onDisk != null) {
            onDisk.remove(generation);
        }
    }

    /** Closes the folder; the caller must not use this writer any more. */
    void close() throws IOException {
        if (folder != null) {
            folder.close();
        }
    }

    private void deleteQuietly(Path file) {
        try {
            ops.delete(file);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, storeName + ": cannot remove " + file + " after a failed save: " + e);
        }
    }
}
