package io.connectorkit.runner;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Writes records as JSON lines, in UTF-8, into one stream, with one Jackson generator for every record. Used by one
 * thread.
 *
 * <p>Why not JSON-P's writer: JSON-P makes a writer and a generator for every record, and its text is then copied and
 * encoded once more; at a million records a second per thread that garbage was a third of all the memory a csv-input
 * run allocated, and two reading threads share one memory bus (docs/PERFORMANCE.md, "Partitioned csv-input").
 * Jackson's generator writes any number of values, straight into UTF-8 bytes, and keeps its buffers. A
 * {@link JsonValue} is walked here and each of its parts handed to the generator; a number keeps JSON-P's text. Other
 * records are turned into JSON by JSON-B, as before.
 */
final class JsonLines {

    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8) // an emoji as its 4 bytes, as JSON-P does
            .rootValueSeparator((String) null) // each line ends with its own newline instead
            .build();

    private final JsonGenerator generator;
    private final Supplier<Jsonb> jsonb;
    /** Writes one member of an object; made once, as a lambda made in the loop would be made for every object. */
    private final BiConsumer<String, JsonValue> member = this::writeMember;

    /**
     * @param out where the lines go; never closed here
     * @param jsonb turns a record that is not a {@link JsonValue} into JSON
     */
    JsonLines(OutputStream out, Supplier<Jsonb> jsonb) {
        try {
            this.generator = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.jsonb = jsonb;
    }

    /**
     * Writes {@code record} and a newline, perhaps into the generator's buffer only.
     *
     * @throws IOException when the stream refuses the bytes
     */
    void write(Object record) throws IOException {
        if (record instanceof JsonValue value) {
            try {
                write(value);
            } catch (UncheckedIOException e) {
                throw e.getCause(); // from a member of an object
            }
        } else {
            generator.writeRaw(jsonb.get().toJson(record));
        }
        generator.writeRaw('\n');
    }

    /** Hands every line written so far to the stream, and flushes it. */
    void flush() throws IOException {
        generator.flush();
    }

    private void writeMember(String name, JsonValue value) {
        try {
            generator.writeFieldName(name);
            write(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(JsonValue value) throws IOException {
        switch (value.getValueType()) {
            case OBJECT -> {
                generator.writeStartObject();
                ((JsonObject) value).forEach(member); // no entry object per member, where the object allows
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonValue element : (JsonArray) value) {
                    write(element);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(((JsonString) value).getString());
            case NUMBER -> generator.writeNumber(value.toString()); // JSON-P's text of the number, unchanged
            case TRUE -> generator.writeBoolean(true);
            case FALSE -> generator.writeBoolean(false);
            case NULL -> generator.writeNull();
        }
    }
}
