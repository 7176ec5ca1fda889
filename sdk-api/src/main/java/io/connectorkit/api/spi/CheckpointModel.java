package io.connectorkit.api.spi;

import io.connectorkit.api.input.checkpoint.Checkpoint.Frequency;

/**
 * What the {@code @Checkpoint} annotation and the {@code @Version} of a checkpoint class declare.
 *
 * @param version the state's version and migration handler
 * @param frequency how the interval is counted
 * @param interval records or milliseconds between checkpoints, more than zero
 */
public record CheckpointModel(VersionModel version, Frequency frequency, long interval) {

    public CheckpointModel {
        if (version == null || frequency == null) {
            throw new IllegalArgumentException("version and frequency are required");
        }
        if (interval <= 0) {
            throw new IllegalArgumentException("interval must be more than zero, got " + interval);
        }
    }
}
