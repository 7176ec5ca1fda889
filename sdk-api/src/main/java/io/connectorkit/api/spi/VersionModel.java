package io.connectorkit.api.spi;

import io.connectorkit.api.component.MigrationHandler;
import java.util.function.Supplier;

/**
 * A {@code @Version}: the current version and how to create its migration handler.
 *
 * @param value the current version, 1 or more
 * @param migrationHandler creates the handler, or {@code null} when older data is kept as it is
 */
public record VersionModel(int value, Supplier<? extends MigrationHandler> migrationHandler) {

    /** Version 1 without a migration handler: what a class without {@code @Version} has. */
    public static final VersionModel DEFAULT = new VersionModel(1, null);

    public VersionModel {
        if (value < 1) {
            throw new IllegalArgumentException("version must be 1 or more, got " + value);
        }
    }

    /** Whether older data goes through a handler. */
    public boolean hasMigrationHandler() {
        return migrationHandler != null;
    }
}
