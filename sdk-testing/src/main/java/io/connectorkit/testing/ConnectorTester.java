package io.connectorkit.testing;

import io.connectorkit.runtime.ComponentManager;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link ConnectorTest} method receives: a {@link ComponentManager} with checkpointing on, set up and closed by
 * {@link ConnectorKitExtension}, and the checks over it.
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
public final class ConnectorTester {

    private final ComponentManager manager;

    /** A tester over {@code manager}, which must have checkpointing on; the caller keeps closing it. */
    public ConnectorTester(ComponentManager manager) {
        this.manager = Objects.requireNonNull(manager, "manager");
    }

    /** The manager, for anything the checks do not cover. */
    public ComponentManager manager() {
        return manager;
    }

    /** {@link ResumeCheck#of} over this tester's manager. */
    public ResumeCheck resumeCheck(String family, String name, Map<String, String> configuration) {
        return ResumeCheck.of(manager, family, name, configuration);
    }

    /** {@link MigrationCheck#of} over this tester's manager. */
    public MigrationCheck migrationCheck(String family, String name, Map<String, String> configuration) {
        return MigrationCheck.of(manager, family, name, configuration);
    }

    /** {@link SplitCheck#of} over this tester's manager. */
    public SplitCheck splitCheck(String family, String name, Map<String, String> configuration) {
        return SplitCheck.of(manager, family, name, configuration);
    }

    /** {@link GoldenFiles#of} for one component. */
    public GoldenFiles goldenFiles(String family, String name) {
        return GoldenFiles.of(family, name);
    }
}
