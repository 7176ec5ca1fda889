/**
 * Runs any Connector Kit input on Apache Flink as a FLIP-27 source whose split states are Connector Kit checkpoints:
 * {@link io.connectorkit.flink.ConnectorKitSource}. The guide is docs/flink.md.
 */
package io.connectorkit.flink;
