package io.connectorkit.runtime;

import io.connectorkit.api.input.checkpoint.Checkpoint.Frequency;

/**
 * How a {@link ComponentManager} checkpoints, fixed when it is built.
 *
 * @param enabled whether checkpoints are taken and {@code $checkpoint} keys resumed
 * @param frequency the host's frequency, overriding every {@code @Checkpoint}; {@code null} to use the annotation
 * @param interval the host's interval, used with {@code frequency}
 * @param howToEnable how the host's users turn checkpointing on, completing "to turn checkpointing on, ..." in the
 *     messages that say it is off
 */
record CheckpointSettings(boolean enabled, Frequency frequency, long interval, String howToEnable) {

    /** What an embedder does, when the host says nothing else. */
    static final String BUILDER_HOW_TO_ENABLE = "build the ComponentManager with builder().checkpointing(true)";

    /** Checkpointing on with the components' own frequency: what a checkpoint check resumes with. */
    static final CheckpointSettings CHECKING = new CheckpointSettings(true, null, 0, BUILDER_HOW_TO_ENABLE);
}
