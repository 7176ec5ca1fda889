package io.connectorkit.runtime.input;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable snapshot of an emitter's checkpoint, as returned by its {@code @CheckpointData} method.
 *
 * <p>{@link #toJson()} gives the wire format that {@code ComponentManager.jsonToMap} and {@code findMapper} read back:
 * <pre>{"$checkpoint": {"sinceId": 95, "strategy": "BY_ID", "__version": 2}}</pre>
 * Fields that were {@code null} are left out and resume to the class's default. Two states are equal when their wire
 * forms are.
 */
public final class CheckpointState {

    /** The key of the checkpoint object in the wire format. */
    public static final String CHECKPOINT_KEY = "$checkpoint";

    /** The key of the version inside the checkpoint object. */
    public static final String VERSION_KEY = "__version";

    private static final JsonProvider JSON = JsonProvider.provider();

    private final int version;
    // One of the two is given, the other is derived on first use. Both are immutable, so a race only builds one twice.
    // The runtime gives the wire form (the hot path: hosts save toJson()); a host may give the fields.
    private volatile JsonObject state;
    private volatile JsonObject json;

    /**
     * @param version the {@code @Version} of the checkpoint class, 1 or more
     * @param state the checkpoint's fields by option name, without {@code __version}
     */
    public CheckpointState(int version, JsonObject state) {
        this.version = checkVersion(version);
        this.state = Objects.requireNonNull(state, "state");
    }

    private CheckpointState(JsonObject json, int version) {
        this.version = version;
        this.json = json;
    }

    /**
     * Reads the wire format back: {@code {"$checkpoint": {<fields>, "__version": N}}}, as {@link #toJson()} writes it.
     *
     * @throws IllegalArgumentException when {@code json} is not of that form, saying what is missing
     */
    public static CheckpointState fromJson(JsonObject json) {
        Objects.requireNonNull(json, "json");
        JsonValue inner = json.get(CHECKPOINT_KEY);
        if (json.size() != 1 || inner == null || inner.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new IllegalArgumentException("a checkpoint is {\"" + CHECKPOINT_KEY + "\": {...}} and nothing else, "
                    + "got the keys " + json.keySet());
        }
        JsonValue version = inner.asJsonObject().get(VERSION_KEY);
        if (!(version instanceof JsonNumber number) || !number.isIntegral()) {
            throw new IllegalArgumentException("a checkpoint's " + CHECKPOINT_KEY + "." + VERSION_KEY
                    + " is a whole number, got " + version);
        }
        return new CheckpointState(json, checkVersion(number.intValue()));
    }

    /** The version of the checkpoint class that wrote this state. */
    public int version() {
        return version;
    }

    /** The checkpoint's fields by option name, without {@code __version}. */
    public JsonObject state() {
        JsonObject fields = state;
        if (fields == null) {
            JsonObjectBuilder builder = JSON.createObjectBuilder();
            for (Map.Entry<String, JsonValue> field : json.getJsonObject(CHECKPOINT_KEY).entrySet()) {
                if (!field.getKey().equals(VERSION_KEY)) {
                    builder.add(field.getKey(), field.getValue());
                }
            }
            fields = builder.build();
            state = fields;
        }
        return fields;
    }

    /** Exactly {@code {"$checkpoint": {<fields>, "__version": N}}}. */
    public JsonObject toJson() {
        JsonObject built = json;
        if (built == null) {
            built = JSON.createObjectBuilder()
                    .add(CHECKPOINT_KEY, JSON.createObjectBuilder(state).add(VERSION_KEY, version))
                    .build();
            json = built;
        }
        return built;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CheckpointState that && toJson().equals(that.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return toJson().toString();
    }

    private static int checkVersion(int version) {
        if (version < 1) {
            throw new IllegalArgumentException("checkpoint version must be 1 or more, got " + version);
        }
        return version;
    }
}
