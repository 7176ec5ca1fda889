package io.connectorkit.flink;

import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.Split;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Writes a {@link ConnectorKitSplit} as versioned JSON, never by Java serialization:
 * <pre>{"split": {"__version": 1, "id": ..., "configurationVersion": 2, "configuration": {...}},
 *  "checkpoint": {"$checkpoint": {..., "__version": 2}}}</pre>
 * ({@code checkpoint} absent for a split read from its start). The checkpoint keeps the {@code __version} its
 * connector wrote it with, so a savepoint taken with one release of a connector restores with the next through the
 * connector's {@code MigrationHandler}; the split keeps its configuration version for the same reason.
 *
 * <p>Thread-safe (stateless).
 */
public final class SplitSerializer implements SimpleVersionedSerializer<ConnectorKitSplit> {

    /** The version of this format, Flink's version of the serializer. */
    public static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(ConnectorKitSplit split) {
        return JsonBytes.write(toJson(split));
    }

    @Override
    public ConnectorKitSplit deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("a Connector Kit split state of serializer version " + version + " cannot be read: "
                    + "this sdk-flink reads version " + VERSION
                    + (version > VERSION ? "; it was written by a newer sdk-flink" : ""));
        }
        return fromJson(JsonBytes.read(serialized, "a Connector Kit split state"));
    }

    static JsonObject toJson(ConnectorKitSplit split) {
        JsonObjectBuilder json = JsonBytes.JSON.createObjectBuilder().add("split", split.split().toJson());
        if (split.checkpoint() != null) {
            json.add("checkpoint", split.checkpoint().toJson());
        }
        return json.build();
    }

    static ConnectorKitSplit fromJson(JsonObject json) throws IOException {
        try {
            JsonValue split = json.get("split");
            if (!(split instanceof JsonObject descriptor)) {
                throw new IllegalArgumentException("it needs \"split\", an object, got " + split);
            }
            JsonValue checkpoint = json.get("checkpoint");
            if (checkpoint != null && !(checkpoint instanceof JsonObject)) {
                throw new IllegalArgumentException("\"checkpoint\" must be an object, got " + checkpoint);
            }
            return new ConnectorKitSplit(Split.fromJson(descriptor),
                    checkpoint == null ? null : CheckpointState.fromJson(checkpoint.asJsonObject()));
        } catch (IllegalArgumentException e) {
            throw new IOException("a Connector Kit split state cannot be read: " + e.getMessage(), e);
        }
    }
}
