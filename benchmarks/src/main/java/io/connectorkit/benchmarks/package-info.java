/**
 * An application, not an API: the benchmarks behind docs/PERFORMANCE.md. Its public types are public only because
 * they are run:
 * <ul>
 *   <li>{@link io.connectorkit.benchmarks.SideBySide}: Connector Kit, TCK 1.88.0 and a bare loop side by side, the
 *       performance targets checked ({@code run-side-by-side.sh});</li>
 *   <li>{@link io.connectorkit.benchmarks.ColdStart}: start-up, each sample in a fresh JVM;</li>
 *   <li>the JMH benchmarks {@link io.connectorkit.benchmarks.RecordPathBenchmark},
 *       {@link io.connectorkit.benchmarks.SnapshotBenchmark}, {@link io.connectorkit.benchmarks.StoreBenchmark} and
 *       {@link io.connectorkit.benchmarks.CsvResumeBenchmark} (JMH needs them public).</li>
 * </ul>
 * The rest ({@code SideBySideModes}, {@code SideBySideTable}, {@code TckJars}, {@code BenchFiles}) is internal.
 */
package io.connectorkit.benchmarks;
