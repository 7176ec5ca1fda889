package io.connectorkit.runtime;

import io.connectorkit.runtime.input.CheckpointState;
import java.util.function.Function;

/**
 * Calls an emitter's {@code @CheckpointData} method and snapshots the result as an immutable {@link CheckpointState}:
 * the fields are copied at once (the emitter goes on changing its state), the wire form is built on first use.
 */
final class CheckpointCapture {

    private final String componentId;
    private final Function<Object, Object> checkpointData;
    private final CheckpointCodec codec;
    private final int version;
    private final SecretScrubber scrubber;

    CheckpointCapture(String componentId, Function<Object, Object> checkpointData, CheckpointCodec codec, int version,
            SecretScrubber scrubber) {
        this.componentId = componentId;
        this.checkpointData = checkpointData;
        this.codec = codec;
        this.version = version;
        this.scrubber = scrubber;
    }

    /** A snapshot of the emitter's state now. */
    CheckpointState take(Object emitter) {
        Object state;
        try {
            state = checkpointData.apply(emitter);
        } catch (RuntimeException e) {
            throw new ComponentException(componentId, "@CheckpointData failed: "
                    + scrubber.scrub(String.valueOf(e.getMessage())), scrubber.scrub(e));
        }
        if (state == null) {
            throw new ComponentException(componentId,
                    "@CheckpointData returned null; it must return the emitter's @Checkpoint state", null);
        }
        // Only a copy of the fields now; the JSON is built when a host first asks for it, e.g. on a background
        // writer's thread, and never for a checkpoint a coalescing writer drops.
        Object[] values = codec.snapshot(state);
        return CheckpointState.deferred(version, () -> codec.wire(values, version));
    }
}
