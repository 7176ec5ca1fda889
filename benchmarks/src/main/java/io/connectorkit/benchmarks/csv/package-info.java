/**
 * csv-input side by side with FastCSV on one file, in one JVM: reading every row, and resuming near the end of the
 * file against a plain seek ({@link io.connectorkit.benchmarks.csv.CsvSideBySide}). Part of the benchmarks
 * application, not an API: {@code CsvSideBySide}, {@link io.connectorkit.benchmarks.csv.CsvResumeSteps} (each step of a
 * resume while the JIT is still compiling it) and the JMH benchmark
 * {@link io.connectorkit.benchmarks.csv.CsvResumeStepsBenchmark} are public to be run, the rest is internal.
 */
package io.connectorkit.benchmarks.csv;
