package io.connectorkit.store;

import io.connectorkit.store.EnvelopeCodec.InvalidCheckpointException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exclusive writer lock of one job folder: an OS lock ({@link FileChannel#tryLock()}) on {@code <job>/.lock},
 * held until {@link #close()}. The store never deletes the lock file: deleting it would let two writers lock two
 * different files.
 *
 * <p>An operator may still delete it (a common "stale lock" clean-up) and start the job again, which then locks a new
 * file at the same path. So the holder writes one line naming itself (pid, host, since when) into the file it locked,
 * padded to a random length, and checks that the file at the lock path has that length: only the holder of a file's
 * lock writes into it, so this proves that the path leads to the locked file. It then keeps that file's key (device
 * and inode, which its open channel keeps from being reused), and {@link #fence()}, called before every write, checks
 * that the file at the lock path still has it (where the platform has no file keys, the same length). If it does not,
 * the writer lost the lock and must not write again. The lock file is only ever looked at by path ({@code stat}),
 * never opened a second time: on POSIX, closing any other channel to it would drop this process's lock. It is
 * opened without following a symbolic link, so a link planted there cannot make the store create or lock a file
 * elsewhere.
 */
final class FileJobLock implements AutoCloseable {

    /** The most read of another holder's lock file: a holder line is about 100 bytes, padded to less than this. */
    private static final int MAX_LOCK_FILE_BYTES = 4096;
    /** The shortest padded length of a lock file: longer than any holder line. */
    private static final int MIN_LOCK_FILE_BYTES = 512;

    /**
     * Lock files held by this JVM. Checked before opening the file, because OS locks are per process: on POSIX,
     * closing any channel to a file drops every lock this process holds on it, so a second store in this JVM must
     * not even open the file while a first one holds the lock.
     */
    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final String store;
    private final String job;
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    /** The length of the locked file: the holder line padded to a random length. */
    private final long length;
    /** The locked file's key (device and inode on Unix), or {@code null} where the platform has none. */
    private final Object fileKey;

    private FileJobLock(String store, String job, Path file, FileChannel channel, FileLock lock, long length,
                        Object fileKey) {
        this.store = store;
        this.job = job;
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.length = length;
        this.fileKey = fileKey;
    }

    /**
     * Takes the lock or fails fast.
     *
     * @throws CheckpointStoreException when another writer holds it, the lock path is not a regular file (a link, a
     *     folder…), or it cannot be taken
     */
    static FileJobLock acquire(String store, String job, Path lockFile) {
        Path key = lockFile.toAbsolutePath().normalize();
        if (!HELD_IN_THIS_JVM.add(key)) {
            throw locked(store, job, key, "in this JVM");
        }
        FileChannel channel = null;
        try {
            requireRegularOrAbsent(store, job, key);
            channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw locked(store, job, key, "in another process" + describeHolder(key));
            }
            byte[] content = holderLine();
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(content), 0);
            channel.force(false);
            BasicFileAttributes atPath = attributes(key);
            if (atPath.size() != content.length) {
                throw new CheckpointStoreException(CheckpointStoreException.describe(store, job, "lock file " + key,
                        "the lock file was deleted or replaced while taking it; is another writer starting?"));
            }
            return new FileJobLock(store, job, key, channel, lock, content.length, atPath.fileKey());
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

    /**
     * Checks that the file at the lock path is still the file this lock holds; call it before every write.
     *
     * @throws WriterLostException when the lock file was deleted or replaced: another writer may hold the job now
     * @throws CheckpointStoreException when the lock path cannot be checked (an I/O error): nothing may be written
     */
    void fence() {
        String found;
        try {
            BasicFileAttributes now = attributes(file);
            if (fileKey != null ? fileKey.equals(now.fileKey()) : now.isRegularFile() && now.size() == length) {
                return;
            }
            found = "another file is at the lock path now" + describeHolder(file);
        } catch (NoSuchFileException e) {
            found = "the lock file was deleted";
        } catch (IOException e) {
            throw new CheckpointStoreException(CheckpointStoreException.describe(store, job, "lock file " + file,
                    "cannot check that this writer still holds the lock, so nothing is written: " + e), e);
        }
        throw new WriterLostException(job, CheckpointStoreException.describe(store, job, "lock file " + file,
                "this writer lost the job's lock: " + found + " since it took the lock (a \"stale lock\" clean-up?); "
                        + "another runner may be writing the job, so this one stops without saving: the checkpoints "
                        + "saved stay as they are"));
    }

    /** "held by pid 42 on host since 2026-…Z", then spaces to a random length of at least 512 bytes. */
    private static byte[] holderLine() {
        byte[] line = ("held by pid " + ProcessHandle.current().pid() + " on " + OwnerId.host() + " since "
                + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[MIN_LOCK_FILE_BYTES + ThreadLocalRandom.current().nextInt(MAX_LOCK_FILE_BYTES
                - MIN_LOCK_FILE_BYTES)];
        Arrays.fill(padded, (byte) ' ');
        System.arraycopy(line, 0, padded, 0, Math.min(line.length, padded.length));
        return padded;
    }

    private static void requireRegularOrAbsent(String store, String job, Path lockFile) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = attributes(lockFile);
        } catch (NoSuchFileException e) {
            return;
        }
        if (!attributes.isRegularFile()) {
            throw new CheckpointStoreException(CheckpointStoreException.describe(store, job, "lock file " + lockFile,
                    "expected a regular file, found " + SafeFiles.kind(attributes) + "; the store never writes "
                            + "through a link: remove it"));
        }
    }

    private static BasicFileAttributes attributes(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * {@code " (the lock file says: held by pid …)"}, printable, or nothing when it says nothing readable. Only for a
     * lock file this process does not hold: closing the channel that reads it would drop the lock.
     */
    private static String describeHolder(Path file) {
        try {
            String text = new String(SafeFiles.read(file, MAX_LOCK_FILE_BYTES), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "" : " (the lock file says: " + StoreIds.printable(text, 200) + ")";
        } catch (IOException | InvalidCheckpointException e) {
            return "";
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
