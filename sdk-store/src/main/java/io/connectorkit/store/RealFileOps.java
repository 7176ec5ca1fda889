package io.connectorkit.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** The real file system: {@link FileOps#REAL}. */
final class RealFileOps implements FileOps {

    private static final System.Logger LOG = System.getLogger(FileCheckpointStore.class.getName());
    private static volatile boolean directoryForceUnsupportedLogged;

    @Override
    public FileChannel create(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    @Override
    public void write(FileChannel channel, ByteBuffer data) throws IOException {
        while (data.hasRemaining()) {
            channel.write(data);
        }
    }

    @Override
    public void force(FileChannel channel) throws IOException {
        channel.force(true);
    }

    @Override
    public void move(Path source, Path target) throws IOException {
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public FileChannel openDirectory(Path dir) throws IOException {
        try {
            return FileChannel.open(dir, StandardOpenOption.READ);
        } catch (AccessDeniedException | UnsupportedOperationException e) {
            // Windows cannot open a directory; there NTFS makes the rename durable with the file. Only opening is
            // tolerated: a failing force on an opened directory is a real I/O error.
            if (!directoryForceUnsupportedLogged) {
                directoryForceUnsupportedLogged = true;
                LOG.log(System.Logger.Level.DEBUG, "cannot open directory " + dir + " to force it (" + e
                        + "); relying on the platform to persist renames");
            }
            return null;
        }
    }

    @Override
    public void forceDirectory(FileChannel dir) throws IOException {
        if (dir != null) {
            dir.force(true);
        }
    }

    @Override
    public void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
    }
}
