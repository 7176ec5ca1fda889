/** Checkpointing: the state class ({@code @Checkpoint}) and the emitter methods that expose it. */
package io.connectorkit.api.input.checkpoint;
