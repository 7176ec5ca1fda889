/**
 * The recovery test kit: proves that a connector resumes correctly.
 *
 * <ul>
 *   <li>{@link io.connectorkit.testing.ResumeCheck}: resume equivalence from every checkpoint, monotonic checkpoints,
 *       a crash at every record with a bounded number of duplicates;</li>
 *   <li>{@link io.connectorkit.testing.MigrationCheck} and {@link io.connectorkit.testing.GoldenFiles}: a golden
 *       checkpoint file per {@code @Version} loads and migrates to its expected state without losing a value; a
 *       newer one is refused;</li>
 *   <li>{@link io.connectorkit.testing.ConnectorTest}: the JUnit 5 integration.</li>
 * </ul>
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
