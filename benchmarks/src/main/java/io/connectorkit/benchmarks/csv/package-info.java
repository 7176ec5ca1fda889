/**
 * csv-input side by side with FastCSV on one file, in one JVM: reading every row, and resuming near the end of the
 * file against a plain seek ({@link io.connectorkit.benchmarks.csv.CsvSideBySide}). Part of the benchmarks
 * application, not an API: {@code CsvSideBySide} and the JMH benchmark
 * {@link io.connectorkit.benchmarks.csv.CsvResumeStepsBenchmark} are public to be run, the rest is internal.
 */
package io.connectorkit.benchmarks.csv;
