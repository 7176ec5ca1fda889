package io.connectorkit.runner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One split's records, as JSON lines, into the output every split of a job shares. Its reading thread encodes each
 * record, in UTF-8, into a buffer of its own; a full buffer, and each {@link #flush()} (before a checkpoint of the
 * split is handed over), is appended to the output in one write, so the lines of two splits never mix and a split's
 * checkpoint covers only lines already in the output. Used by one thread.
 *
 * <p>Each split has its own {@link JsonLines} and buffer, both kept for the whole run: nothing is shared between the
 * reading threads but the output's lock, and nothing is allocated per record but what the record itself holds.
 */
final class SplitLines implements RecordLines {

    /** Bytes gathered before they are appended: few appends, and little memory per split. */
    private static final int SPILL_AT = 32 * 1024;

    private final RecordOutput output;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(SPILL_AT + 16 * 1024);
    private final JsonLines lines;

    SplitLines(RecordOutput output) {
        this.output = output;
        this.lines = output.linesInto(buffer);
    }

    @Override
    public void write(Object record) {
        try {
            lines.write(record);
            if (buffer.size() >= SPILL_AT) {
                spill();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw it
        }
    }

    @Override
    public void flush() {
        try {
            spill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        output.flush();
    }

    @Override
    public void force() {
        output.force();
    }

    /** Appends every whole line written so far; a line is never cut, as the generator is flushed after whole lines. */
    private void spill() throws IOException {
        lines.flush();
        if (buffer.size() > 0) {
            output.writeLines(buffer);
            buffer.reset();
        }
    }
}
