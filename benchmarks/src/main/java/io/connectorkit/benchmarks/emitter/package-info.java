/**
 * The {@code bench} family: {@code small-records}, the emitter every benchmark drives. The same code, written against
 * TCK's API, is {@code io.connectorkit.benchmarks.tck.plugin.TckSmallRecords}; the bare loop is
 * {@link io.connectorkit.benchmarks.emitter.SmallRecords#row(long)} called directly.
 */
package io.connectorkit.benchmarks.emitter;
