/**
 * csv-input side by side with FastCSV on one file, in one JVM: reading every row, and resuming near the end of the
 * file against a plain seek ({@link io.connectorkit.benchmarks.csv.CsvSideBySide}).
 */
package io.connectorkit.benchmarks.csv;
