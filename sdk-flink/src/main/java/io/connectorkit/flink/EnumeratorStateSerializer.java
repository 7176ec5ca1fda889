package io.connectorkit.flink;

import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.Split;
import io.connectorkit.runtime.SplitPlan;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Writes an {@link EnumeratorState} as versioned JSON:
 * <pre>{"plan": {...SplitPlan.toJson()...}, "unassigned": [{"id": "a.csv-…", "checkpoint": {"$checkpoint": ...}}]}</pre>
 * The plan is the runtime's own format (with its fingerprint and {@code __version}); a split to assign is named by
 * its id in the plan, with the checkpoint it resumes from when a failed reader gave it back.
 *
 * <p>Thread-safe (stateless).
 */
public final class EnumeratorStateSerializer implements SimpleVersionedSerializer<EnumeratorState> {

    /** The version of this format, Flink's version of the serializer. */
    public static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(EnumeratorState state) {
        JsonArrayBuilder unassigned = JsonBytes.JSON.createArrayBuilder();
        for (ConnectorKitSplit split : state.unassigned()) {
            var entry = JsonBytes.JSON.createObjectBuilder().add("id", split.splitId());
            if (split.checkpoint() != null) {
                entry.add("checkpoint", split.checkpoint().toJson());
            }
            unassigned.add(entry);
        }
        return JsonBytes.write(JsonBytes.JSON.createObjectBuilder()
                .add("plan", state.plan().toJson())
                .add("unassigned", unassigned)
                .build());
    }

    @Override
    public EnumeratorState deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("a Connector Kit enumerator state of serializer version " + version + " cannot be "
                    + "read: this sdk-flink reads version " + VERSION
                    + (version > VERSION ? "; it was written by a newer sdk-flink" : ""));
        }
        JsonObject json = JsonBytes.read(serialized, "a Connector Kit enumerator state");
        try {
            JsonValue planJson = json.get("plan");
            if (!(planJson instanceof JsonObject)) {
                throw new IllegalArgumentException("it needs \"plan\", an object, got " + planJson);
            }
            SplitPlan plan = SplitPlan.fromJson(planJson.asJsonObject());
            JsonValue unassignedJson = json.get("unassigned");
            if (!(unassignedJson instanceof JsonArray array)) {
                throw new IllegalArgumentException("it needs \"unassigned\", an array, got " + unassignedJson);
            }
            List<ConnectorKitSplit> unassigned = new ArrayList<>();
            for (JsonValue value : array) {
                unassigned.add(unassignedSplit(plan, value));
            }
            return new EnumeratorState(plan, unassigned);
        } catch (IllegalArgumentException e) {
            throw new IOException("a Connector Kit enumerator state cannot be read: " + e.getMessage(), e);
        }
    }

    private static ConnectorKitSplit unassignedSplit(SplitPlan plan, JsonValue value) {
        if (!(value instanceof JsonObject entry) || !(entry.get("id") instanceof jakarta.json.JsonString id)) {
            throw new IllegalArgumentException("each of \"unassigned\" is {\"id\": ..., \"checkpoint\": ...}, got "
                    + value);
        }
        Split split = plan.split(id.getString()).orElseThrow(() -> new IllegalArgumentException(
                "the split '" + id.getString() + "' to assign is not in the plan"));
        JsonValue checkpoint = entry.get("checkpoint");
        if (checkpoint != null && !(checkpoint instanceof JsonObject)) {
            throw new IllegalArgumentException("the checkpoint of split '" + id.getString() + "' must be an object, "
                    + "got " + checkpoint);
        }
        return new ConnectorKitSplit(split, checkpoint == null ? null
                : CheckpointState.fromJson(checkpoint.asJsonObject()));
    }
}
