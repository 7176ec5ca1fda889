package io.connectorkit.runtime;

import io.connectorkit.api.spi.ComponentModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Splits a partition mapper: calls its {@code @Split} method and turns each mapper returned into a {@link Split}
 * (its configuration read back through the generated getters, its id from {@code @SplitId} or derived), checking
 * that the ids are valid and unique and that each configuration binds. Every problem names the component, the split
 * by position and id, and the method.
 */
final class MapperSplitter {

    private final ComponentModel model;
    private final ComponentFailures failures;
    private final Consumer<Split> bindCheck;

    /** @param bindCheck binds a split's configuration as reading it would, throwing a ConfigurationException */
    MapperSplitter(ComponentModel model, ComponentFailures failures, Consumer<Split> bindCheck) {
        this.model = model;
        this.failures = failures;
        this.bindCheck = bindCheck;
    }

    List<Split> split(Object mapper, long desiredSize) {
        String method = "@Split " + model.splitMethod() + "()";
        Object result;
        try {
            result = model.split().split(mapper, desiredSize);
        } catch (RuntimeException e) {
            throw failures.failure(method, e);
        }
        if (!(result instanceof List<?> mappers)) {
            throw new ComponentException(model.id(), method + " returned null; it must return a list of mappers, "
                    + "empty when there is nothing to read", null);
        }
        List<Split> splits = new ArrayList<>(mappers.size());
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < mappers.size(); i++) {
            Object part = mappers.get(i);
            String which = "split #" + (i + 1) + " of " + mappers.size();
            if (part == null) {
                throw new ComponentException(model.id(), method + " returned null as " + which
                        + "; return only mappers", null);
            }
            Map<String, String> configuration = ConfigurationWriter.write(model, part, failures);
            String id = id(part, configuration, which);
            Integer first = positions.putIfAbsent(id, i + 1);
            if (first != null) {
                throw new ComponentException(model.id(), "split #" + first + " and " + which + " have the same id '"
                        + id + "': " + (model.splitId() != null
                                ? "@SplitId " + model.splitIdMethod() + "() must give each split of a plan its own id"
                                : "their configurations are the same, so " + method + " returned the same part twice"),
                        null);
            }
            Split split = new Split(id, configuration, model.version().value());
            try {
                bindCheck.accept(split);
            } catch (ConfigurationException e) {
                throw new ComponentException(model.id(), which + " ('" + id + "') returned by " + method
                        + " has a configuration the component refuses:" + e.listing(), e);
            }
            splits.add(split);
        }
        return List.copyOf(splits);
    }

    private String id(Object part, Map<String, String> configuration, String which) {
        if (model.splitId() == null) {
            return SplitIds.derived(configuration, model.checkpointPath());
        }
        String method = "@SplitId " + model.splitIdMethod() + "()";
        Object id;
        try {
            id = model.splitId().apply(part);
        } catch (RuntimeException e) {
            throw failures.failure(method + " of " + which, e);
        }
        String problem = Split.idProblem((String) id);
        if (problem != null) {
            throw new ComponentException(model.id(), method + " returned "
                    + (id == null ? "null" : "'" + Printable.of((String) id, Split.MAX_ID_LENGTH) + "'") + " for "
                    + which + ", which is not a valid split id: " + problem + " (" + Split.ID_RULE + ")", null);
        }
        return (String) id;
    }
}
