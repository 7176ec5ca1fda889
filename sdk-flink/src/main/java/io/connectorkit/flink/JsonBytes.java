package io.connectorkit.flink;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** JSON objects to UTF-8 bytes and back, for the state serializers and the record serializer. */
final class JsonBytes {

    static final JsonProvider JSON = JsonProvider.provider();

    private JsonBytes() {
    }

    static byte[] write(JsonObject json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param what what the bytes are, for the error ("the state of a split")
     * @throws IOException naming {@code what} when the bytes are not one JSON object
     */
    static JsonObject read(byte[] bytes, String what) throws IOException {
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(bytes))) {
            return reader.readObject();
        } catch (JsonParsingException e) {
            throw new IOException(what + " is not a JSON object: " + e.getMessage(), e);
        } catch (JsonException e) {
            throw new IOException(what + " cannot be read as JSON: " + e.getMessage(), e);
        }
    }
}
