package io.connectorkit.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The file-system steps of a durable write, behind a seam so that tests can make each one fail. {@link #REAL} is the
 * only production implementation.
 */
interface FileOps {

    FileOps REAL = new RealFileOps();

    /** Creates a new file for writing; fails if it exists. */
    FileChannel create(Path file) throws IOException;

    /** Writes all of {@code data}. */
    void write(FileChannel channel, ByteBuffer data) throws IOException;

    /** Forces content and metadata to the device. */
    void force(FileChannel channel) throws IOException;

    /** Renames atomically, so a reader sees either no file or the whole file. */
    void move(Path source, Path target) throws IOException;

    /**
     * Opens a folder so that {@link #forceDirectory(FileChannel)} can force it, for as long as the caller keeps it.
     *
     * @return the open folder, or {@code null} where the platform cannot open a folder (Windows, where NTFS makes a
     *     rename durable with the file)
     */
    FileChannel openDirectory(Path dir) throws IOException;

    /**
     * Forces the directory entries of renames and deletes in an open folder to the device; does nothing for
     * {@code null} (a folder {@link #openDirectory} could not open).
     */
    void forceDirectory(FileChannel dir) throws IOException;

    /** Forces the directory entries of renames and deletes in {@code dir}: opens it, forces it, closes it. */
    default void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = openDirectory(dir)) {
            forceDirectory(channel);
        }
    }

    /** Deletes a file if it exists. */
    void delete(Path file) throws IOException;
}
