package io.connectorkit.runner;

import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One split's records, as JSON lines, into the output every split of a job shares. Its reading thread turns each
 * record into its line and gathers lines in a buffer of its own; a full buffer, and each {@link #flush()} (before a
 * checkpoint of the split is handed over), is encoded in UTF-8 on this thread and appended to the output in one
 * write, so the lines of two splits never mix and a split's checkpoint covers only lines already in the output. Used
 * by one thread.
 *
 * <p>A JSON-P record is written with a writer factory of the split's own: JSON-P's default one, {@code toString()}
 * included, takes and returns a character buffer from one pool shared by every thread, on every record; with two
 * splits on two cores that pool cost more than the rest of the record path.
 */
final class SplitLines implements RecordLines {

    /** Characters gathered before they are appended: few appends, and little memory per split. */
    private static final int SPILL_AT = 32 * 1024;

    private final RecordOutput output;
    private final StringBuilder buffer = new StringBuilder(SPILL_AT + 1024);
    /** A provider instance of this split's: its own buffer pool, used by this thread only. */
    private final JsonWriterFactory json = JsonProvider.provider().createWriterFactory(Map.of());
    private final Writer intoBuffer = new Writer() {
        @Override
        public void write(char[] chars, int offset, int length) {
            buffer.append(chars, offset, length);
        }

        @Override
        public void write(String text, int offset, int length) {
            buffer.append(text, offset, offset + length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    SplitLines(RecordOutput output) {
        this.output = output;
    }

    @Override
    public void write(Object record) {
        if (record instanceof JsonObject object) {
            try (JsonWriter writer = json.createWriter(intoBuffer)) {
                writer.writeObject(object);
            }
            buffer.append('\n');
        } else {
            output.appendLine(buffer, record);
        }
        if (buffer.length() >= SPILL_AT) {
            spill();
        }
    }

    @Override
    public void flush() {
        spill();
        output.flush();
    }

    @Override
    public void force() {
        output.force();
    }

    private void spill() {
        if (buffer.length() > 0) {
            output.writeUtf8(buffer.toString().getBytes(StandardCharsets.UTF_8));
            buffer.setLength(0);
        }
    }
}
