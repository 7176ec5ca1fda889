package io.connectorkit.runtime;

import jakarta.json.JsonObject;
import java.util.function.Supplier;

/**
 * For tests of other modules (in this module's test-jar): a {@link CheckpointState} whose wire form is built on first
 * use, as the runtime's inputs deliver them. {@code CheckpointState.deferred} is not public API: a host gets such
 * states from an input, it never makes them.
 */
public final class DeferredCheckpoints {

    private DeferredCheckpoints() {
    }

    /** {@code CheckpointState.deferred(version, wireForm)}: see there. */
    public static CheckpointState deferred(int version, Supplier<JsonObject> wireForm) {
        return CheckpointState.deferred(version, wireForm);
    }
}
