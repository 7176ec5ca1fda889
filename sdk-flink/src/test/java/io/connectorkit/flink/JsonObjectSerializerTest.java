package io.connectorkit.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class JsonObjectSerializerTest {

    private final JsonObjectSerializer serializer = JsonObjectSerializer.INSTANCE;
    private final JsonObject record = Json.createObjectBuilder().add("id", 7).add("name", "Zoë \u2603")
            .add("nested", Json.createObjectBuilder().add("list", Json.createArrayBuilder().add(1).add("two")))
            .build();

    @Test
    void aRecordRoundTripsWithItsUnicodeAndNesting() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(record, out);
        serializer.serialize(Json.createObjectBuilder().build(), out);

        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        assertEquals(record, serializer.deserialize(in));
        assertEquals(Json.createObjectBuilder().build(), serializer.deserialize(in));
    }

    @Test
    void copyingSerializedBytesCopiesOneRecord() throws IOException {
        DataOutputSerializer first = new DataOutputSerializer(64);
        serializer.serialize(record, first);
        DataOutputSerializer copy = new DataOutputSerializer(64);
        serializer.copy(new DataInputDeserializer(first.getCopyOfBuffer()), copy);

        assertEquals(record, serializer.deserialize(new DataInputDeserializer(copy.getCopyOfBuffer())));
    }

    @Test
    void aRecordIsImmutableSoACopyIsTheRecord() {
        assertSame(record, serializer.copy(record));
    }

    @Test
    void theSnapshotRestoresTheSerializer() {
        assertSame(serializer, serializer.snapshotConfiguration().restoreSerializer());
        assertSame(serializer, JsonObjectTypeInfo.INSTANCE.createSerializer(null));
    }
}
