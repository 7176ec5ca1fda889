package io.connectorkit.runtime;

import io.connectorkit.api.spi.ComponentIndex;
import io.connectorkit.api.spi.ComponentModel;
import io.connectorkit.api.spi.OptionModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The components visible to one class loader, read from the generated {@link ComponentIndex} services. No class
 * path scanning: what the processor indexed at compile time is all there is.
 */
final class ComponentRegistry {

    private final Map<String, ComponentModel> components = new TreeMap<>();

    ComponentRegistry(ClassLoader classLoader) {
        for (ComponentIndex index : ServiceLoader.load(ComponentIndex.class, classLoader)) {
            for (ComponentModel model : index.components()) {
                ComponentModel previous = components.putIfAbsent(model.id(), model);
                if (previous != null) {
                    throw new IllegalStateException("two components are named " + model.id() + ": "
                            + previous.type().getName() + " and " + model.type().getName()
                            + "; rename one (family and name must be unique on a class path)");
                }
            }
        }
    }

    /** The component {@code family/name}, if indexed. */
    Optional<ComponentModel> find(String family, String name) {
        return Optional.ofNullable(components.get(family + "/" + name));
    }

    /** Every indexed component as {@code family/name}, sorted. */
    List<String> ids() {
        return List.copyOf(components.keySet());
    }

    /** The {@code @Checkpoint} option of {@code model}, found by its path; {@code null} when it has none. */
    static OptionModel checkpointOption(ComponentModel model) {
        String path = model.checkpointPath();
        if (path == null) {
            return null;
        }
        String[] segments = path.split("\\.");
        OptionModel node = model.parameters().stream().filter(p -> p.name().equals(segments[0])).findFirst()
                .orElse(null);
        for (int i = 1; node != null && i < segments.length; i++) {
            node = node.child(segments[i]);
        }
        if (node == null || node.checkpoint() == null) {
            throw new IllegalStateException(model.id() + ": the index names checkpoint path '" + path
                    + "' but no @Checkpoint option is there; rebuild the connector with the same Connector Kit version");
        }
        return node;
    }
}
