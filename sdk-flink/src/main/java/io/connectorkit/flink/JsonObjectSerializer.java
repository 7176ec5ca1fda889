package io.connectorkit.flink;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Serializes a {@code JsonObject} as its length and its UTF-8 JSON text. JSON-P objects are immutable, so a copy is
 * the object itself. Thread-safe (stateless).
 */
public final class JsonObjectSerializer extends TypeSerializerSingleton<JsonObject> {

    private static final long serialVersionUID = 1L;

    /** The one instance. */
    public static final JsonObjectSerializer INSTANCE = new JsonObjectSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public JsonObject createInstance() {
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    @Override
    public JsonObject copy(JsonObject from) {
        return from;
    }

    @Override
    public JsonObject copy(JsonObject from, JsonObject reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(JsonObject record, DataOutputView target) throws IOException {
        byte[] bytes = JsonBytes.write(record);
        target.writeInt(bytes.length);
        target.write(bytes);
    }

    @Override
    public JsonObject deserialize(DataInputView source) throws IOException {
        byte[] bytes = new byte[source.readInt()];
        source.readFully(bytes);
        return JsonBytes.read(bytes, "a serialized JsonObject record");
    }

    @Override
    public JsonObject deserialize(JsonObject reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = source.readInt();
        target.writeInt(length);
        target.write(source, length);
    }

    @Override
    public TypeSerializerSnapshot<JsonObject> snapshotConfiguration() {
        return new Snapshot();
    }

    private Object readResolve() {
        return INSTANCE;
    }

    /** The serializer's snapshot in Flink's state: it has no configuration, so any version restores it. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<JsonObject> {

        /** Called by Flink when it reads a snapshot back. */
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
