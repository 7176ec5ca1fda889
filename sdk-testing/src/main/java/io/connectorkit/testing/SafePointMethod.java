package io.connectorkit.testing;

import io.connectorkit.api.spi.ComponentIndex;
import io.connectorkit.api.spi.ComponentModel;
import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the name of a component's {@code @CheckpointAvailable} method in the generated component indexes, for
 * failure messages only: the runtime takes checkpoints only at the safe points that method reports, so a checkpoint
 * that is ahead of its records may come from a safe point that fired while the state was half-updated.
 *
 * <p>It reads the indexes visible to the thread's context class loader (the one {@code ComponentManager.builder()}
 * uses by default); an index that cannot be read is skipped, and a component it does not find gives no hint.
 */
final class SafePointMethod {

    private SafePointMethod() {
    }

    /** The {@code @CheckpointAvailable} method of {@code family/name}, when it has one and its index is readable. */
    static Optional<String> of(String family, String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Iterator<ComponentIndex> indexes = ServiceLoader.load(ComponentIndex.class,
                loader != null ? loader : SafePointMethod.class.getClassLoader()).iterator();
        while (true) {
            try {
                if (!indexes.hasNext()) {
                    return Optional.empty();
                }
                ComponentIndex index = indexes.next();
                if (index.format() != ComponentIndex.FORMAT) {
                    continue;
                }
                for (ComponentModel model : index.components()) {
                    if (model.family().equals(family) && model.name().equals(name)) {
                        return Optional.ofNullable(model.checkpointAvailableMethod());
                    }
                }
            } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                // only a hint: an index the runtime cannot read either is reported by the ComponentManager
                return Optional.empty();
            }
        }
    }
}
