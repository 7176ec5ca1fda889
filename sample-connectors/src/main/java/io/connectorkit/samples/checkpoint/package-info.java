/**
 * The {@code checkpoint} family: {@code list-input}, the reference checkpointing emitter. Connectors, not an API:
 * {@link io.connectorkit.samples.checkpoint.ListInput}, its {@code ListInputConfig}, {@code ListInputCheckpoint} and
 * {@code ListInputMigration} are public because the generated component index creates them; users configure them by
 * option name, not from Java.
 */
package io.connectorkit.samples.checkpoint;
