package io.connectorkit.runtime;

import io.connectorkit.api.input.checkpoint.Checkpoint.Frequency;

/**
 * How a {@link ComponentManager} checkpoints, fixed when it is built.
 *
 * @param enabled whether checkpoints are taken and {@code $checkpoint} keys resumed
 * @param frequency the host's frequency, overriding every {@code @Checkpoint}; {@code null} to use the annotation
 * @param interval the host's interval, used with {@code frequency}
 */
record CheckpointSettings(boolean enabled, Frequency frequency, long interval) {
}
