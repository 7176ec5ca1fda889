package io.connectorkit.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link MigrationCheck} verified.
 *
 * <pre>{@code
 * MigrationSummary summary = tester.migrationCheck("checkpoint", "list-input", config).verify();
 * assertEquals(List.of(1, 2), summary.versionsChecked());
 * }</pre>
 *
 * @param currentVersion the checkpoint version of the code on the class path
 * @param versionsChecked the golden files loaded and migrated, by version
 * @param written the golden file of the current version written by this run, when it was missing and
 *     {@code -Dconnectorkit.golden.write=true} was set
 */
public record MigrationSummary(int currentVersion, List<Integer> versionsChecked, Optional<Path> written) {
}
