package io.connectorkit.runtime;

import io.connectorkit.api.spi.ComponentIndex;
import io.connectorkit.api.spi.ComponentModel;
import io.connectorkit.api.spi.OptionModel;
import io.connectorkit.api.spi.Release;
import java.lang.System.Logger.Level;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The components visible to one class loader, read from the generated {@link ComponentIndex} services. No class
 * path scanning: what the processor indexed at compile time is all there is.
 *
 * <p>One broken connector does not hide the others: an index that cannot be loaded, was generated for another index
 * format, or fails to link is skipped and reported (a warning in the log and {@link #problems()}), naming its jar and
 * both releases. A component declared by two indexes is reported too, and using it is an error naming both.
 */
final class ComponentRegistry {

    private static final System.Logger LOG = System.getLogger(ComponentRegistry.class.getName());
    /** Consecutive loading errors after which the service iterator is given up (it may not be able to advance). */
    private static final int MAX_CONSECUTIVE_ERRORS = 100;

    /** A component and the index it came from. */
    private record Indexed(ComponentModel model, String source) {
    }

    private final Map<String, Indexed> components = new TreeMap<>();
    /** family/name declared by several indexes, to the message naming them. */
    private final Map<String, String> ambiguous = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();

    ComponentRegistry(ClassLoader classLoader) {
        Iterator<ComponentIndex> indexes = ServiceLoader.load(ComponentIndex.class, classLoader).iterator();
        int errors = 0;
        while (errors < MAX_CONSECUTIVE_ERRORS) {
            ComponentIndex index;
            try {
                if (!indexes.hasNext()) {
                    break;
                }
                index = indexes.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                errors++;
                problem("a component index cannot be loaded, its components are skipped: " + describe(e));
                continue;
            }
            errors = 0;
            add(index);
        }
    }

    private void add(ComponentIndex index) {
        String source = source(index.getClass());
        List<ComponentModel> models;
        try {
            int format = index.format();
            if (format != ComponentIndex.FORMAT) {
                problem(source + " was built with Connector Kit " + index.release() + " (index format " + format
                        + ") but this runtime is Connector Kit " + Release.CURRENT + " (index format "
                        + ComponentIndex.FORMAT + "); its components are skipped: rebuild that connector with "
                        + "Connector Kit " + Release.CURRENT);
                return;
            }
            models = index.components();
        } catch (LinkageError | RuntimeException e) {
            problem(source + " (built with Connector Kit " + releaseOf(index) + ") cannot be read by this runtime, "
                    + "Connector Kit " + Release.CURRENT + "; its components are skipped: rebuild that connector "
                    + "with Connector Kit " + Release.CURRENT + " (" + describe(e) + ")");
            return;
        }
        for (ComponentModel model : models) {
            Indexed previous = components.putIfAbsent(model.id(), new Indexed(model, source));
            if (previous != null) {
                String message = "component " + model.id() + " is declared twice: as "
                        + previous.model().type().getName() + " by " + previous.source() + ", and as "
                        + model.type().getName() + " by " + source + "; family and name must be unique on a class"
                        + " path: remove one of the jars or rename one of the components";
                ambiguous.merge(model.id(), message, (first, next) -> first + "; " + next);
                problem(message);
            }
        }
    }

    /**
     * The component {@code family/name}, if indexed.
     *
     * @throws IllegalStateException when two indexes declare it, naming both
     */
    Optional<ComponentModel> find(String family, String name) {
        String id = family + "/" + name;
        String conflict = ambiguous.get(id);
        if (conflict != null) {
            throw new IllegalStateException(conflict);
        }
        return Optional.ofNullable(components.get(id)).map(Indexed::model);
    }

    /** Every indexed component as {@code family/name}, sorted (an ambiguous one included). */
    List<String> ids() {
        return List.copyOf(components.keySet());
    }

    /** Every indexed component, sorted by {@code family/name} (an ambiguous one: the first found). */
    List<ComponentModel> models() {
        return components.values().stream().map(Indexed::model).toList();
    }

    /** What could not be loaded, or is ambiguous, one sentence each; empty when every index was read. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    private void problem(String message) {
        problems.add(message);
        LOG.log(Level.WARNING, message);
    }

    /** {@code com.acme.ConnectorKitIndex_1a2b3c4d (in /path/acme.jar)}. */
    private static String source(Class<?> type) {
        CodeSource code = type.getProtectionDomain().getCodeSource();
        URL location = code == null ? null : code.getLocation();
        return "the index " + type.getName() + (location == null ? "" : " (in " + location.getPath() + ")");
    }

    private static String releaseOf(ComponentIndex index) {
        try {
            return index.release();
        } catch (LinkageError | RuntimeException e) {
            return "an unknown release";
        }
    }

    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder(String.valueOf(error));
        Throwable cause = error.getCause();
        for (int depth = 0; cause != null && depth < 5; depth++, cause = cause.getCause()) {
            text.append(", caused by ").append(cause);
        }
        return text.toString();
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
