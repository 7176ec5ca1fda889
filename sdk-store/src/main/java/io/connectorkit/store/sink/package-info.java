/**
 * Host-side sinks that commit records together with the checkpoint covering them (exactly-once output).
 *
 * <h2>Public surface</h2>
 * <ul>
 *   <li>{@link io.connectorkit.store.sink.TransactionalSink}: records and their checkpoint, committed together.</li>
 *   <li>{@link io.connectorkit.store.sink.JdbcSink}: rows of a table, committed with a
 *       {@link io.connectorkit.store.JdbcCheckpointStore}'s checkpoint in one transaction.</li>
 *   <li>{@link io.connectorkit.store.sink.SinkException}: a sink could not write or commit.</li>
 * </ul>
 * Nothing here is internal: the package has no other type.
 */
package io.connectorkit.store.sink;
