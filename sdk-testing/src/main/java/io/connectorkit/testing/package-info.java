/**
 * The recovery test kit: proves that a connector resumes correctly. Its public types are its API, for connector
 * authors' tests:
 *
 * <ul>
 *   <li>{@link io.connectorkit.testing.ResumeCheck}, with {@link io.connectorkit.testing.CrashPoints} and
 *       {@link io.connectorkit.testing.ResumeSummary}: resume equivalence from every checkpoint, monotonic
 *       checkpoints, a crash at every record with a bounded number of duplicates;</li>
 *   <li>{@link io.connectorkit.testing.SplitCheck}, with {@link io.connectorkit.testing.SplitSummary}: the splits of a
 *       partitioned input are disjoint, cover a reference read and are deterministic, and each split resumes;</li>
 *   <li>{@link io.connectorkit.testing.MigrationCheck}, with {@link io.connectorkit.testing.MigrationSummary}, and
 *       {@link io.connectorkit.testing.GoldenFiles}: a golden checkpoint file per {@code @Version} loads and migrates
 *       to its expected state without losing a value; a newer one is refused;</li>
 *   <li>{@link io.connectorkit.testing.ConnectorTest}, {@link io.connectorkit.testing.ConnectorTester} and
 *       {@link io.connectorkit.testing.ConnectorKitExtension}: the JUnit 5 integration.</li>
 * </ul>
 * Everything else (the runs made and compared, the crash simulation, the checks of old versions) is internal. For
 * checkpoint store authors, {@code io.connectorkit.testing.store} holds the store contract.
 * The guide for connector authors is {@code docs/testing-connectors.md} in the Connector Kit repository.
 *
 * <pre>{@code
 * @ConnectorTest
 * class ListInputResumeTest {
 *     @Test
 *     void resumesFromEveryCheckpoint(ConnectorTester tester) {
 *         tester.resumeCheck("checkpoint", "list-input", Map.of("configuration.total", "500")).verify();
 *     }
 * }
 * }</pre>
 */
package io.connectorkit.testing;
