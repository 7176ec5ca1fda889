package io.connectorkit.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a connector's test class: its test methods (and constructor, {@code @BeforeEach}/{@code @BeforeAll} methods)
 * may take a {@link ConnectorTester} parameter, backed by a {@code ComponentManager} with checkpointing on over the
 * test's class path. The manager is closed when the JUnit context it was made for ends: after the test method for
 * method, {@code @BeforeEach} and (with the default per-method lifecycle) constructor parameters; after the class
 * for {@code @BeforeAll} parameters and constructors of {@code @TestInstance(PER_CLASS)} classes, in which case the
 * class's test methods get that same tester.
 *
 * <pre>{@code
 * @ConnectorTest
 * class ListInputResumeTest {
 *     @Test
 *     void resumesFromEveryCheckpoint(ConnectorTester tester) {
 *         tester.resumeCheck("checkpoint", "list-input", Map.of("configuration.total", "500")).verify();
 *     }
 *
 *     @Test
 *     void readsEveryOldCheckpointVersion(ConnectorTester tester) {
 *         tester.migrationCheck("checkpoint", "list-input", Map.of("configuration.total", "50")).verify();
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(ConnectorKitExtension.class)
public @interface ConnectorTest {

    /**
     * A host-side checkpoint interval in records that overrides every component's {@code @Checkpoint}
     * ({@code ComponentManager.builder().checkpointFrequency(RECORD, n)}); 0, the default, keeps the components' own.
     */
    long checkpointEveryRecords() default 0;
}
