/** The {@code checkpoint} family: {@code list-input}, the reference checkpointing emitter. */
package io.connectorkit.samples.checkpoint;
