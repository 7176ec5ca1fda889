/**
 * Checkpointing, for connector authors:
 * <ul>
 *   <li>{@link io.connectorkit.api.input.checkpoint.Checkpoint}: the state class, and how often it is taken;</li>
 *   <li>{@link io.connectorkit.api.input.checkpoint.CheckpointData}: the emitter method that returns it;</li>
 *   <li>{@link io.connectorkit.api.input.checkpoint.CheckpointAvailable}: the emitter method that says whether now
 *       is a safe point;</li>
 *   <li>{@link io.connectorkit.api.input.checkpoint.CheckpointCommitted}: the emitter method called with a checkpoint
 *       once the host made it durable, to acknowledge the source.</li>
 * </ul>
 */
package io.connectorkit.api.input.checkpoint;
