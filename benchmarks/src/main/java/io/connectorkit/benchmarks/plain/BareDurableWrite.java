package io.connectorkit.benchmarks.plain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The least a durable save can do, with nothing else: write a temp file, fsync it, rename it over
 * {@code checkpoint.json}, fsync the folder (kept open). The baseline of target 5. Without {@code fsync}, only the
 * temp file and the rename: the "temp + rename" write of TCK-NOTES.md.
 */
public final class BareDurableWrite implements AutoCloseable {

    private final Path temp;
    private final Path target;
    private final FileChannel folder;
    private final boolean fsync;

    /** With fsync. */
    public BareDurableWrite(Path dir) {
        this(dir, true);
    }

    public BareDurableWrite(Path dir, boolean fsync) {
        this.fsync = fsync;
        try {
            Files.createDirectories(dir);
            this.temp = dir.resolve("checkpoint.json.tmp");
            this.target = dir.resolve("checkpoint.json");
            this.folder = FileChannel.open(dir, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One durable save of {@code bytes}. */
    public void write(byte[] bytes) {
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (fsync) {
                    channel.force(true);
                }
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            if (fsync) {
                folder.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            folder.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
