package io.connectorkit.runtime.input;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.util.Objects;

/**
 * An immutable snapshot of an emitter's checkpoint, as returned by its {@code @CheckpointData} method.
 *
 * <p>{@link #toJson()} gives the wire format that {@code ComponentManager.jsonToMap} and {@code findMapper} read back:
 * <pre>{"$checkpoint": {"sinceId": 95, "strategy": "BY_ID", "__version": 2}}</pre>
 * Fields that were {@code null} are left out and resume to the class's default.
 */
public final class CheckpointState {

    /** The key of the checkpoint object in the wire format. */
    public static final String CHECKPOINT_KEY = "$checkpoint";

    /** The key of the version inside the checkpoint object. */
    public static final String VERSION_KEY = "__version";

    private static final JsonProvider JSON = JsonProvider.provider();

    private final int version;
    private final JsonObject state;
    /** {@link #toJson()}, built on first use; immutable, so a race only builds it twice. */
    private volatile JsonObject json;

    /**
     * @param version the {@code @Version} of the checkpoint class, 1 or more
     * @param state the checkpoint's fields by option name, without {@code __version}
     */
    public CheckpointState(int version, JsonObject state) {
        if (version < 1) {
            throw new IllegalArgumentException("checkpoint version must be 1 or more, got " + version);
        }
        this.version = version;
        this.state = Objects.requireNonNull(state, "state");
    }

    /** The version of the checkpoint class that wrote this state. */
    public int version() {
        return version;
    }

    /** The checkpoint's fields by option name, without {@code __version}. */
    public JsonObject state() {
        return state;
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
        return other instanceof CheckpointState that && version == that.version && state.equals(that.state);
    }

    @Override
    public int hashCode() {
        return 31 * version + state.hashCode();
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}
