package io.connectorkit.runtime;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An immutable snapshot of an emitter's checkpoint, as returned by its {@code @CheckpointData} method.
 *
 * <p>{@link #toJson()} gives the wire format that {@code ComponentManager.jsonToMap} and {@code findMapper} read back:
 * <pre>{"$checkpoint": {"sinceId": 95, "strategy": "BY_ID", "__version": 2}}</pre>
 * Fields that were {@code null} are left out and resume to the class's default. Two states are equal when their wire
 * forms are.
 *
 * <p><b>API</b>: inputs hand states to hosts ({@link Input#getCheckpoint()}, the callback of
 * {@link Input#start(java.util.function.Consumer)}); a host may also make one from fields or read one back from JSON,
 * to save or compare. Immutable and thread-safe: a state may be saved on another thread than the one that took it
 * (its JSON is built there, on first use).
 */
public final class CheckpointState {

    /** The key of the checkpoint object in the wire format. */
    public static final String CHECKPOINT_KEY = "$checkpoint";

    /** The key of the version inside the checkpoint object. */
    public static final String VERSION_KEY = "__version";

    private static final JsonProvider JSON = JsonProvider.provider();

    private final int version;
    // The state is given in one of three forms; the others are derived on first use. All are immutable, so a race
    // only builds one twice. The runtime gives a deferred wire form (the hot path: a checkpoint on every record costs
    // a copy of the fields, and a coalescing writer builds JSON only for the checkpoints it saves); a host may give
    // the fields or the wire form.
    private volatile JsonObject state;
    private volatile JsonObject json;
    private final Supplier<JsonObject> deferred;

    /**
     * @param version the {@code @Version} of the checkpoint class, 1 or more
     * @param state the checkpoint's fields by option name, without {@code __version}
     */
    public CheckpointState(int version, JsonObject state) {
        this.version = checkVersion(version);
        this.state = Objects.requireNonNull(state, "state");
        this.deferred = null;
    }

    private CheckpointState(int version, JsonObject json, Supplier<JsonObject> deferred) {
        this.version = version;
        this.json = json;
        this.deferred = deferred;
    }

    /**
     * A state whose wire form is built on first use, on whichever thread asks for it first. Internal: how the
     * runtime's inputs snapshot a checkpoint ({@code CheckpointCapture}); a host makes states from fields or JSON.
     *
     * @param version the {@code @Version} of the checkpoint class, 1 or more
     * @param wireForm builds exactly {@code {"$checkpoint": {<fields>, "__version": version}}} from an immutable copy
     *     of the fields; it may be called on any thread, and more than once
     * @throws IllegalStateException from {@link #toJson()} (and so {@link #state()}, {@code equals}) when
     *     {@code wireForm} builds anything else
     */
    static CheckpointState deferred(int version, Supplier<JsonObject> wireForm) {
        return new CheckpointState(checkVersion(version), null, Objects.requireNonNull(wireForm, "wireForm"));
    }

    /**
     * Reads the wire format back: {@code {"$checkpoint": {<fields>, "__version": N}}}, as {@link #toJson()} writes it.
     *
     * @throws IllegalArgumentException when {@code json} is not of that form, saying what is missing
     */
    public static CheckpointState fromJson(JsonObject json) {
        Objects.requireNonNull(json, "json");
        return new CheckpointState(checkVersion(versionOf(json)), json, null);
    }

    private static int versionOf(JsonObject json) {
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
        return number.intValue();
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
            for (Map.Entry<String, JsonValue> field : toJson().getJsonObject(CHECKPOINT_KEY).entrySet()) {
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
            built = deferred != null ? buildDeferred() : JSON.createObjectBuilder()
                    .add(CHECKPOINT_KEY, JSON.createObjectBuilder(state).add(VERSION_KEY, version))
                    .build();
            json = built;
        }
        return built;
    }

    private JsonObject buildDeferred() {
        JsonObject built = Objects.requireNonNull(deferred.get(), "the deferred wire form");
        int written;
        try {
            written = versionOf(built);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a deferred checkpoint built a wrong wire form: " + e.getMessage(), e);
        }
        if (written != version) {
            throw new IllegalStateException("a deferred checkpoint of version " + version + " built the wire form of "
                    + "version " + written);
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
