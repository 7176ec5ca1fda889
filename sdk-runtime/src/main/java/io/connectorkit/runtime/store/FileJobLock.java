package io.connectorkit.runtime.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exclusive writer lock of one job folder: an OS lock ({@link FileChannel#tryLock()}) on {@code <job>/.lock},
 * held until {@link #close()}. The lock file itself is never deleted: deleting it would let two writers lock two
 * different files.
 */
final class FileJobLock implements AutoCloseable {

    /**
     * Lock files held by this JVM. Checked before opening the file, because OS locks are per process: on POSIX,
     * closing any channel to a file drops every lock this process holds on it, so a second store in this JVM must
     * not even open the file while a first one holds the lock.
     */
    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private FileJobLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock or fails fast.
     *
     * @throws CheckpointStoreException when another writer holds it, or it cannot be taken
     */
    static FileJobLock acquire(String store, String job, Path lockFile) {
        Path key = lockFile.toAbsolutePath().normalize();
        if (!HELD_IN_THIS_JVM.add(key)) {
            throw locked(store, job, key, "in this JVM");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw locked(store, job, key, "in another process");
            }
            return new FileJobLock(key, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            HELD_IN_THIS_JVM.remove(key);
            throw new CheckpointStoreException(CheckpointStoreException.describe(store, job, "lock file " + key,
                    "cannot take the writer lock: " + e), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            HELD_IN_THIS_JVM.remove(key);
            throw e;
        }
    }

    private static CheckpointStoreException locked(String store, String job, Path lockFile, String where) {
        return new CheckpointStoreException(store + ": job '" + job + "' is locked by another writer " + where
                + " (lock file " + lockFile + "); only one writer per job may run at a time");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing was locked through it.
            }
        }
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            try {
                channel.close();
            } finally {
                HELD_IN_THIS_JVM.remove(file);
            }
        }
    }
}
