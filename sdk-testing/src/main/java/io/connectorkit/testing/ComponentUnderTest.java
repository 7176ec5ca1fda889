package io.connectorkit.testing;

import io.connectorkit.runtime.ComponentDescription;
import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.Input;
import io.connectorkit.runtime.Mapper;
import io.connectorkit.runtime.Split;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One component with its base configuration: creates inputs from the start or from a checkpoint. With a split, the
 * inputs read that split of the base configuration ({@code Mapper.create(split, checkpoint)}), and messages name it.
 */
final class ComponentUnderTest {

    private static final String CHECKPOINT_PREFIX = CheckpointState.CHECKPOINT_KEY + '.';

    private final ComponentManager manager;
    private final String family;
    private final String name;
    private final Map<String, String> configuration;
    private final Split split;
    private int configurationVersion = 1;

    ComponentUnderTest(ComponentManager manager, String family, String name, Map<String, String> configuration) {
        this(manager, family, name, configuration, null);
    }

    /** @param split the split of {@code configuration} read, or null for the whole configuration */
    ComponentUnderTest(ComponentManager manager, String family, String name, Map<String, String> configuration,
            Split split) {
        this.manager = Objects.requireNonNull(manager, "manager");
        this.family = Objects.requireNonNull(family, "family");
        this.name = Objects.requireNonNull(name, "name");
        this.configuration = Map.copyOf(Objects.requireNonNull(configuration, "configuration"));
        this.split = split;
        if (!manager.isCheckpointingEnabled()) {
            throw new IllegalArgumentException("the ComponentManager has checkpointing off, so " + id() + " would "
                    + "deliver no checkpoint and ignore every resume; build it with "
                    + "ComponentManager.builder().checkpointing(true)");
        }
    }

    void configurationVersion(int version) {
        if (version < 1) {
            throw new IllegalArgumentException("configuration version must be 1 or more, got " + version);
        }
        this.configurationVersion = version;
    }

    /** {@code family/name}, and the split when there is one: how messages name what is checked. */
    String id() {
        return family + '/' + name + (split == null ? "" : " (split " + split.id() + ")");
    }

    String family() {
        return family;
    }

    String name() {
        return name;
    }

    /** A new input over the base configuration (or its split). */
    Input fromStart() {
        return split == null ? create(configuration) : mapper(configuration).create(split, null);
    }

    /**
     * A new input over the base configuration with {@code checkpoint} (the wire format) merged in; checkpoint keys
     * of the base configuration are dropped first, so that fields the checkpoint leaves out do not leak in.
     */
    Input from(JsonObject checkpoint) {
        return split == null ? mapper(checkpoint).create()
                : mapper(configuration).create(split, CheckpointState.fromJson(checkpoint));
    }

    /** The mapper {@link #from(JsonObject)} creates its input with; {@code findMapper} migrates the checkpoint. */
    Mapper mapper(JsonObject checkpoint) {
        return resumed(ComponentManager.jsonToMap(checkpoint));
    }

    /**
     * A new input over the base configuration with {@code checkpointKeys} ({@code $checkpoint.*} keys, as
     * {@code jsonToMap} gives them) merged in, like {@link #from(JsonObject)}.
     */
    Input from(Map<String, String> checkpointKeys) {
        return resumed(checkpointKeys).create();
    }

    /** Checkpoint keys of the base configuration are dropped first: fields the checkpoint leaves out do not leak in. */
    private Mapper resumed(Map<String, String> checkpointKeys) {
        Map<String, String> resumed = new LinkedHashMap<>();
        configuration.forEach((key, value) -> {
            if (!key.startsWith(CHECKPOINT_PREFIX)) {
                resumed.put(key, value);
            }
        });
        resumed.putAll(checkpointKeys);
        return mapper(resumed);
    }

    /** The version of the checkpoint class on the class path, from a started input's checkpoint. */
    int currentCheckpointVersion() {
        Input input = fromStart();
        input.start();
        try {
            return input.getCheckpoint().version();
        } finally {
            input.stop();
        }
    }

    private Input create(Map<String, String> map) {
        return mapper(map).create();
    }

    private Mapper mapper(Map<String, String> map) {
        return manager.findMapper(family, name, configurationVersion, map)
                .orElseThrow(() -> new IllegalArgumentException("no component " + id() + " in the manager; known: "
                        + manager.componentIds()));
    }

    /** The name of the component's {@code @CheckpointAvailable} method, if it has one; for failure messages. */
    Optional<String> safePointMethod() {
        return manager.describe(family, name).map(ComponentDescription::safePointMethod);
    }
}
