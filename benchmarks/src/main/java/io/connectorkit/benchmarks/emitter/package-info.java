/**
 * The {@code bench} family: {@code small-records}, the emitter every benchmark drives. The same code, written against
 * TCK's API, is {@code io.connectorkit.benchmarks.tck.plugin.TckSmallRecords}; the bare loop is
 * {@link io.connectorkit.benchmarks.emitter.SmallRecords#row(long)} called directly. Part of the benchmarks
 * application, not an API: {@code SmallRecords}, {@code SmallRecordsConfig} and {@code SmallRecordsCheckpoint} are
 * public because the generated component index creates them, and the bare loop calls {@code SmallRecords} directly.
 */
package io.connectorkit.benchmarks.emitter;
