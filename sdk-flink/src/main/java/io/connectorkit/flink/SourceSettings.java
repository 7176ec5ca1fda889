package io.connectorkit.flink;

import io.connectorkit.api.input.checkpoint.Checkpoint.Frequency;
import io.connectorkit.runtime.ComponentDescription;
import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.Mapper;
import java.io.Serializable;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a {@link ConnectorKitSource} reads: the component, its configuration (with its credentials: Flink ships the
 * source to its task managers inside the job graph, as it does any connector's options) and how the source reads it.
 * Shipped to Flink by Java serialization, like every Flink source; the state Flink checkpoints is JSON.
 *
 * @param family the component's family
 * @param name the component's name
 * @param version the version of {@code configuration}, as {@code findMapper} takes it
 * @param configuration the flat configuration, without {@code $checkpoint} keys (a Flink job resumes from Flink's own
 *     checkpoints); sorted, unmodifiable
 * @param desiredSplitSize the desired split size given to the connector's {@code @Split}, or 0 to divide its
 *     estimated size by the source's parallelism
 * @param maxBufferedRecords the most records a reader holds back while it waits for the connector's next safe point
 */
record SourceSettings(String family, String name, int version, SortedMap<String, String> configuration,
                      long desiredSplitSize, int maxBufferedRecords) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How a user of this source turns checkpointing on, as the runtime quotes it in its errors. */
    private static final String HOW_TO_ENABLE = "enable checkpointing on the Flink job "
            + "(StreamExecutionEnvironment.enableCheckpointing); the source itself always takes checkpoints";

    SourceSettings {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(name, "name");
        configuration = Collections.unmodifiableSortedMap(new TreeMap<>(configuration));
        for (String key : configuration.keySet()) {
            if (key.startsWith("$checkpoint")) {
                throw new IllegalArgumentException(componentId() + ": the configuration has the key " + key
                        + ", but a Flink source resumes from Flink's checkpoints and savepoints, never from "
                        + "$checkpoint keys: leave them out");
            }
        }
        if (version < 1) {
            throw new IllegalArgumentException(componentId() + ": the configuration version must be 1 or more, got "
                    + version);
        }
        if (desiredSplitSize < 0) {
            throw new IllegalArgumentException(componentId() + ": the desired split size must be 0 (estimate) or "
                    + "more, got " + desiredSplitSize);
        }
        if (maxBufferedRecords < 1) {
            throw new IllegalArgumentException(componentId() + ": maxBufferedRecords must be 1 or more, got "
                    + maxBufferedRecords);
        }
    }

    String componentId() {
        return family + "/" + name;
    }

    /**
     * A manager over {@code classLoader} with checkpointing on and every safe point a checkpoint: the source must be
     * able to stop its output at any safe point (the exactly-once rule, docs/flink.md), whatever frequency the
     * connector asks for.
     */
    ComponentManager openManager(ClassLoader classLoader) {
        return ComponentManager.builder()
                .classLoader(classLoader)
                .checkpointing(true)
                .checkpointFrequency(Frequency.RECORD, 1)
                .howToEnableCheckpointing(HOW_TO_ENABLE)
                .build();
    }

    /**
     * The component's mapper, with this configuration bound.
     *
     * @throws IllegalArgumentException as {@link #describe}
     */
    Mapper mapper(ComponentManager manager) {
        describe(manager);
        return manager.findMapper(family, name, version, configuration).orElseThrow();
    }

    /**
     * The component, as {@code manager} describes it.
     *
     * @throws IllegalArgumentException when {@code manager} has no such component (naming those it has, and the
     *     indexes it could not read), or the component has no {@code @CheckpointData}: it could only be read again
     *     from its start after a failure, which is not exactly-once
     */
    ComponentDescription describe(ComponentManager manager) {
        ComponentDescription description = manager.describe(family, name).orElseThrow(() ->
                new IllegalArgumentException("no component " + componentId() + " on the class path of this Flink job "
                        + "(its components: " + manager.componentIds() + (manager.indexProblems().isEmpty() ? ""
                        : "; indexes not read: " + manager.indexProblems()) + "); put the connector's jar in the job "
                        + "jar (docs/flink.md)"));
        if (!description.checkpoints()) {
            throw new IllegalArgumentException(componentId() + " has no @CheckpointData: a Flink job could only read "
                    + "it again from its start after a failure, so it cannot be read exactly once; give the "
                    + "connector a @Checkpoint");
        }
        return description;
    }

    /** The desired split size for a job of {@code parallelism} readers. */
    long desiredSplitSize(Mapper mapper, int parallelism) {
        if (desiredSplitSize > 0) {
            return desiredSplitSize;
        }
        long estimate = mapper.estimateSize();
        return estimate == Mapper.UNKNOWN_SIZE ? Long.MAX_VALUE : Math.max(1, estimate / Math.max(1, parallelism));
    }

    @Override
    public String toString() {
        // Never the values: some are credentials.
        return "SourceSettings[" + componentId() + ", version " + version + ", " + configuration.size()
                + " configuration keys]";
    }
}
