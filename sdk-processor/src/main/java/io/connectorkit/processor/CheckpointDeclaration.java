package io.connectorkit.processor;

/**
 * What a {@code @Checkpoint} class declares, as the generator writes it into the index's {@code CheckpointModel}.
 * (Not the store's {@code io.connectorkit.store.CheckpointInfo}, which describes a saved checkpoint.)
 *
 * @param version the class's {@code @Version}
 * @param frequency the name of the {@code Checkpoint.Frequency} constant
 * @param interval the checkpoint interval
 */
record CheckpointDeclaration(VersionInfo version, String frequency, long interval) {
}
