package io.connectorkit.runtime;

import io.connectorkit.api.spi.ComponentModel;
import java.util.function.Function;

/**
 * Calls an emitter's {@code @CheckpointData} method and snapshots the result as an immutable {@link CheckpointState}:
 * the fields are copied at once (the emitter goes on changing its state), the wire form is built on first use.
 */
final class CheckpointCapture {

    private final String componentId;
    private final String method;
    private final Function<Object, Object> checkpointData;
    private final CheckpointCodec codec;
    private final int version;
    private final ComponentFailures failures;

    CheckpointCapture(ComponentModel model, CheckpointCodec codec, int version, ComponentFailures failures) {
        this.componentId = model.id();
        this.method = "@CheckpointData " + model.checkpointDataMethod() + "()";
        this.checkpointData = model.checkpointData();
        this.codec = codec;
        this.version = version;
        this.failures = failures;
    }

    /** A snapshot of the emitter's state now. */
    CheckpointState take(Object emitter) {
        Object state;
        try {
            state = checkpointData.apply(emitter);
        } catch (RuntimeException e) {
            throw failures.failure(method, e);
        }
        if (state == null) {
            throw new ComponentException(componentId,
                    method + " returned null; it must return the emitter's @Checkpoint state", null);
        }
        // Only a copy of the fields now; the JSON is built when a host first asks for it, e.g. on a background
        // writer's thread, and never for a checkpoint a coalescing writer drops.
        Object[] values = codec.snapshot(state);
        return CheckpointState.deferred(version, () -> codec.wire(values, version));
    }
}
