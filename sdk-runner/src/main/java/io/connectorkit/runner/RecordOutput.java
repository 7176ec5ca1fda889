package io.connectorkit.runner;

import jakarta.json.bind.Jsonb;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Writes records as JSON lines to a file (appended, so that a resumed job continues it) or to standard output.
 *
 * <p>{@link #flush()} is called before each checkpoint is handed to the store, and {@link #force()} (from the
 * checkpoint writer's thread) before it is saved, so a saved checkpoint never covers a record still in a buffer or
 * only in the operating system's cache. A record written after the last flush may be cut by a crash: on open, a last
 * line without its newline is such a record, never covered by a checkpoint, and is removed.
 *
 * <p>A file output is locked ({@link FileChannel#tryLock()}) before anything else is done to it, and stays locked while
 * it is open: one runner writes a file at a time.
 */
final class RecordOutput implements RecordLines, AutoCloseable {

    private final JsonLines lines;
    /** What {@link #lines} writes into (through a buffer), and {@link #writeLines} writes to directly. */
    private final OutputStream bytes;
    private final OutputStream buffered;
    private final FileChannel channel;
    /** Only a regular file can be forced: a device such as /dev/null refuses it, and has nothing to keep. */
    private final boolean forceable;
    private final Supplier<Jsonb> jsonb;
    private final String name;

    private RecordOutput(OutputStream bytes, FileChannel channel, boolean forceable, Supplier<Jsonb> jsonb,
            String name) {
        this.bytes = bytes;
        this.buffered = new BufferedOutputStream(bytes, 1 << 16);
        this.lines = new JsonLines(buffered, jsonb);
        this.channel = channel;
        this.forceable = forceable;
        this.jsonb = jsonb;
        this.name = name;
    }

    /** Standard output, not closed by {@link #close()}. */
    static RecordOutput stdout(Supplier<Jsonb> jsonb) {
        return new RecordOutput(System.out, null, false, jsonb, "standard output");
    }

    /**
     * {@code file}, opened for appending, with a cut last line removed.
     *
     * @param repaired told how many bytes of a cut line were removed
     * @throws RunnerException when the file cannot be opened, or is not empty and holds no line at all (it is not a
     *     JSON-lines output; nothing of it is removed)
     */
    static RecordOutput append(Path file, Supplier<Jsonb> jsonb, LongConsumer repaired) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            try {
                lockOrRefuse(channel, file);
                repaired.accept(dropCutLastLine(channel, file));
                channel.position(channel.size());
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            return new RecordOutput(Channels.newOutputStream(channel), channel, Files.isRegularFile(file), jsonb,
                    file.toString());
        } catch (IOException e) {
            throw new RunnerException(ExitCodes.OUTPUT_FAILED, "cannot open the output " + file + ": "
                    + IoErrors.reason(file, e), e);
        }
    }

    /**
     * {@code "the output <file> already holds <n> bytes"} when {@code file} is a regular file that is not empty, else
     * {@code null}; nothing is opened.
     */
    static String recordsAlreadyIn(Path file) {
        try {
            long size = Files.isRegularFile(file) ? Files.size(file) : 0;
            return size > 0 ? "the output " + file + " already holds " + size + " bytes" : null;
        } catch (IOException e) {
            return null; // opening it says why
        }
    }

    /**
     * Takes an exclusive lock on a regular file for as long as it is open (released when the channel closes), so
     * that a second runner never repairs, nor appends to, the file a first one writes.
     *
     * @throws RunnerException ({@link ExitCodes#OUTPUT_FAILED}) when another runner holds it
     */
    private static void lockOrRefuse(FileChannel channel, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return; // a device or a FIFO: nothing to keep, nothing to repair
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held through another channel of this JVM
        }
        if (lock == null) {
            throw new RunnerException(ExitCodes.OUTPUT_FAILED, "the output " + file + " is being written by another "
                    + "runner (it holds a lock on the file); only one runner may write an output at a time: wait for "
                    + "it to end, or give another --output");
        }
    }

    /** Writes one record as one line. */
    @Override
    public void write(Object record) {
        try {
            lines.write(record);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * A writer of JSON lines into {@code target}, for records this output will {@linkplain #writeLines write} later:
     * records of several splits are turned into lines on their own threads.
     */
    JsonLines linesInto(OutputStream target) {
        return new JsonLines(target, jsonb);
    }

    /**
     * Writes whole lines, already encoded in UTF-8, at once; from any thread: the bytes of one call are never mixed with
     * another call's. The records of the splits of a job are encoded on their own threads, so that only the write
     * itself is done one thread at a time. Not to be mixed with {@link #write}, which buffers.
     */
    void writeLines(ByteArrayOutputStream encoded) {
        try {
            synchronized (bytes) {
                encoded.writeTo(bytes);
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Hands buffered records to the operating system; from any thread. */
    @Override
    public void flush() {
        try {
            lines.flush();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Makes the records already flushed durable (a regular file only); safe to call from another thread. */
    @Override
    public void force() {
        if (forceable) {
            try {
                channel.force(false);
            } catch (IOException e) {
                throw failure(e);
            }
        }
    }

    @Override
    public void close() {
        flush();
        if (channel != null) {
            try {
                buffered.close();
            } catch (IOException e) {
                throw failure(e);
            }
        }
    }

    private RunnerException failure(IOException e) {
        return new RunnerException(ExitCodes.OUTPUT_FAILED, "cannot write to the output " + name + ": "
                + e.getMessage(), e);
    }

    /** Truncates the file after its last newline; returns the bytes removed. */
    private static long dropCutLastLine(FileChannel channel, Path file) throws IOException {
        long length = channel.size();
        long end = length;
        ByteBuffer block = ByteBuffer.allocate(8192);
        while (end > 0) {
            long start = Math.max(0, end - block.capacity());
            block.clear().limit((int) (end - start));
            channel.read(block, start);
            for (int i = block.position() - 1; i >= 0; i--) {
                if (block.get(i) == '\n') {
                    long cut = start + i + 1;
                    if (cut < length) {
                        channel.truncate(cut);
                    }
                    return length - cut;
                }
            }
            end = start;
        }
        if (length > 0) {
            throw new RunnerException(ExitCodes.OUTPUT_FAILED, "the output " + file + " holds " + length
                    + " bytes but no complete line: it is not a JSON-lines output of this job; move it away or "
                    + "choose another --output");
        }
        return 0;
    }
}
