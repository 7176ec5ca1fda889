package io.connectorkit.processor;

/**
 * A {@code @Checkpoint} class as the generator needs it.
 *
 * @param version the class's {@code @Version}
 * @param frequency the name of the {@code Checkpoint.Frequency} constant
 * @param interval the checkpoint interval
 */
record CheckpointInfo(VersionInfo version, String frequency, long interval) {
}
