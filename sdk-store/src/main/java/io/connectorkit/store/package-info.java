/**
 * Durable checkpoint stores: the {@link io.connectorkit.store.CheckpointStore} SPI, its file, JDBC and
 * in-memory implementations, and {@link io.connectorkit.store.AsyncCheckpointWriter}, which saves off the
 * record path.
 *
 * <p>Every saved checkpoint is a {@link io.connectorkit.store.CheckpointEnvelope}: a new, strictly increasing
 * generation per (job, partition), sealed with a SHA-256 checksum over its content and metadata. Loading verifies
 * that checksum, skips a corrupt newest generation with a warning and uses the newest valid one, and fails loudly
 * (never "no checkpoint") when generations exist but none is valid. Operator changes (a rewind, an edit) are new
 * generations carrying an {@link io.connectorkit.store.Audit}, so they can be undone.
 */
package io.connectorkit.store;
