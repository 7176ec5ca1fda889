package io.connectorkit.runner;

import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes records as JSON lines to a file (appended, so that a resumed job continues it) or to standard output.
 *
 * <p>{@link #flush()} is called before each checkpoint is handed to the store, so a saved checkpoint never covers a
 * record still in this buffer. A record written after the last flush may be cut by a crash: on open, a last line
 * without its newline is such a record, never covered by a checkpoint, and is removed.
 */
final class RecordOutput implements AutoCloseable {

    private final Writer writer;
    private final Jsonb jsonb;
    private final String name;
    private final boolean closeWriter;

    private RecordOutput(Writer writer, Jsonb jsonb, String name, boolean closeWriter) {
        this.writer = writer;
        this.jsonb = jsonb;
        this.name = name;
        this.closeWriter = closeWriter;
    }

    /** Standard output, not closed by {@link #close()}. */
    static RecordOutput stdout(Jsonb jsonb) {
        return new RecordOutput(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16),
                jsonb, "standard output", false);
    }

    /**
     * {@code file}, opened for appending, with a cut last line removed.
     *
     * @return the output, and in {@code repaired} how many bytes of a cut line were removed
     */
    static RecordOutput append(Path file, Jsonb jsonb, java.util.function.LongConsumer repaired) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            repaired.accept(dropCutLastLine(file));
            Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            return new RecordOutput(new BufferedWriter(writer, 1 << 16), jsonb, file.toString(), true);
        } catch (IOException e) {
            throw new RunnerException(ExitCodes.OUTPUT_FAILED, "cannot open the output " + file + ": " + e.getMessage(),
                    e);
        }
    }

    /** Writes one record as one line. */
    void write(Object record) {
        try {
            writer.write(toJson(record));
            writer.write('\n');
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Hands buffered records to the operating system. */
    void flush() {
        try {
            writer.flush();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void close() {
        flush();
        if (closeWriter) {
            try {
                writer.close();
            } catch (IOException e) {
                throw failure(e);
            }
        }
    }

    private String toJson(Object record) {
        if (record instanceof JsonValue json) {
            return json.toString();
        }
        return jsonb.toJson(record);
    }

    private RunnerException failure(IOException e) {
        return new RunnerException(ExitCodes.OUTPUT_FAILED, "cannot write to the output " + name + ": "
                + e.getMessage(), e);
    }

    private static long dropCutLastLine(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long length = raf.length();
            long end = length;
            while (end > 0) {
                raf.seek(end - 1);
                if (raf.read() == '\n') {
                    break;
                }
                end--;
            }
            if (end < length) {
                raf.setLength(end);
            }
            return length - end;
        }
    }
}
