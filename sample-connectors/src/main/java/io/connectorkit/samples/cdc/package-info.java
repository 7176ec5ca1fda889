/**
 * {@code postgres/cdc-input}: a PostgreSQL change feed read through a logical replication slot ({@code pgoutput}),
 * checkpointed at transaction ends and acknowledged to the server only once a checkpoint is durable.
 */
package io.connectorkit.samples.cdc;
