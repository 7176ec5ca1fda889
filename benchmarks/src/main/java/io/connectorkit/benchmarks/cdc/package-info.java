/**
 * postgres/cdc-input side by side with a bare pgjdbc loop over the same replication stream
 * ({@link io.connectorkit.benchmarks.cdc.CdcSideBySide}). Part of the benchmarks application, not an API.
 */
package io.connectorkit.benchmarks.cdc;
