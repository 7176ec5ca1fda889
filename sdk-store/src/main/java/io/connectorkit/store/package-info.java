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
 *
 * <h2>Public surface</h2>
 * <ul>
 *   <li>{@link io.connectorkit.store.CheckpointStore}: what hosts call and store authors implement.</li>
 *   <li>{@link io.connectorkit.store.FileCheckpointStore}: one file per generation in a folder, one writer per job.</li>
 *   <li>{@link io.connectorkit.store.JdbcCheckpointStore}: rows of a database table through plain JDBC.</li>
 *   <li>{@link io.connectorkit.store.InMemoryCheckpointStore}: in memory, for tests and embedding.</li>
 *   <li>{@link io.connectorkit.store.ForwardingCheckpointStore}: a base for stores that wrap another one.</li>
 *   <li>{@link io.connectorkit.store.EnvelopeDocument} and {@link io.connectorkit.store.OwnerId}: for stores that keep
 *       generations as blobs elsewhere (the S3 store of {@code sdk-store-s3}): the envelope's JSON document, and who
 *       holds a writer claim.</li>
 *   <li>{@link io.connectorkit.store.AsyncCheckpointWriter} (with its {@code Builder} and {@code RetryPolicy}):
 *       saves one (job, partition)'s checkpoints on a background thread.</li>
 *   <li>{@link io.connectorkit.store.CheckpointEnvelope}: one saved generation, sealed and verifiable.</li>
 *   <li>{@link io.connectorkit.store.CheckpointInfo}: one entry of a history.</li>
 *   <li>{@link io.connectorkit.store.Audit}: who changed a checkpoint by hand, what and when.</li>
 *   <li>{@link io.connectorkit.store.StoreOptions}: retention and size limit.</li>
 *   <li>{@link io.connectorkit.store.StoreRules}: the argument checks, for store authors.</li>
 *   <li>{@link io.connectorkit.store.CheckpointStoreException}: a store could not do what was asked.</li>
 *   <li>{@link io.connectorkit.store.NoValidCheckpointException}: checkpoints exist but none is valid.</li>
 *   <li>{@link io.connectorkit.store.WriterLostException}: a store lost the writer claim of a job.</li>
 * </ul>
 * Everything else here is internal and package-private: the envelope's format and checksum, the file store's layout,
 * locks, pruning and partition writers, the JDBC store's tables, claims, reads, writes and messages, and the
 * background writer's hand-over. Its names and behaviour may change in any release.
 */
package io.connectorkit.store;
