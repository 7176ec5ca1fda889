package io.connectorkit.store;

import io.connectorkit.store.EnvelopeCodec.InvalidCheckpointException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * How a {@link FileCheckpointStore} touches what it finds below its root without trusting it: it reads only regular
 * files, never through a symbolic link and never more than a given number of bytes, and it writes only into real
 * folders, never through a symbolic link that would lead outside the root. (The root itself may be a link: the
 * operator chose it.)
 */
final class SafeFiles {

    private SafeFiles() {
    }

    /**
     * The bytes of {@code file}, read only if it is a regular file (not a symbolic link, FIFO, device or folder), and
     * at most {@code maxBytes} of them: the limit is enforced while reading, whatever the file's size claims.
     *
     * @throws NoSuchFileException when it does not exist (pruned meanwhile)
     * @throws InvalidCheckpointException when it is not a regular file or holds more than {@code maxBytes}
     * @throws IOException when it cannot be read
     */
    static byte[] read(Path file, long maxBytes) throws IOException, InvalidCheckpointException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            throw new InvalidCheckpointException("not a regular file but " + kind(attributes)
                    + "; only regular files are read");
        }
        // NOFOLLOW_LINKS again when opening: a link swapped in after the check fails to open instead of being followed.
        try (SeekableByteChannel channel = Files.newByteChannel(file, Set.of(StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS)); InputStream in = Channels.newInputStream(channel)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new InvalidCheckpointException("the file holds more than " + maxBytes + " bytes, more than "
                        + "any envelope this store writes");
            }
            return bytes;
        }
    }

    /**
     * Checks that {@code dir} is a folder itself, not a symbolic link (to a folder or anything else) nor a file.
     *
     * @throws CheckpointStoreException naming it and what it is
     * @throws NoSuchFileException when it does not exist
     */
    static void requireFolder(String store, String job, Path dir) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(dir, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isDirectory()) {
            throw new CheckpointStoreException(CheckpointStoreException.describe(store, job, dir, "expected a folder, "
                    + "found " + kind(attributes) + "; the store writes only inside its root and never through a "
                    + "link: remove it or move it away"));
        }
    }

    /** "a symbolic link", "a folder", "a regular file", "a FIFO, socket or device": what a file is. */
    static String kind(BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return "a symbolic link";
        }
        if (attributes.isDirectory()) {
            return "a folder";
        }
        if (attributes.isRegularFile()) {
            return "a regular file";
        }
        return "a FIFO, socket or device";
    }
}
