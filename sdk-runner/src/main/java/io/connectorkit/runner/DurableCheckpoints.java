package io.connectorkit.runner;

import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.Input;
import jakarta.json.JsonObject;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Carries the checkpoints an output made durable (on a store's or the writer's thread) to the thread reading the
 * input, which reports them with {@link Input#checkpointCommitted}: an input is called from one thread only, and its
 * {@code @CheckpointCommitted} method must never hear of a checkpoint before it is durable. Only the newest durable
 * checkpoint not reported yet is kept; reporting it covers the older ones.
 */
final class DurableCheckpoints {

    private final AtomicReference<JsonObject> newest = new AtomicReference<>();

    /** {@code checkpoint} ({@code {"$checkpoint": ...}}) is durable; from any thread. */
    void saved(JsonObject checkpoint) {
        newest.set(checkpoint);
    }

    /** On the reading thread: reports the newest durable checkpoint not reported yet, if there is one. */
    void reportTo(Input input) {
        if (newest.get() != null) {
            JsonObject durable = newest.getAndSet(null);
            if (durable != null) {
                input.checkpointCommitted(CheckpointState.fromJson(durable));
            }
        }
    }
}
