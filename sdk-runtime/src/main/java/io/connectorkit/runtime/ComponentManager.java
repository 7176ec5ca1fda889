package io.connectorkit.runtime;

import io.connectorkit.api.input.checkpoint.Checkpoint.Frequency;
import io.connectorkit.api.spi.ComponentModel;
import io.connectorkit.api.spi.OptionModel;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The entry point of the runtime: finds components in the generated indexes of a class loader and creates
 * configured {@link Mapper}s for them.
 *
 * <p><b>API</b> for hosts (a runner, a test kit, an application embedding connectors).
 * <b>Lifecycle:</b> the caller owns it: build one with {@link #builder()}, use it, {@link #close()} it; there is no
 * singleton, no shutdown hook, and no system property is read: everything a host decides (checkpointing on or off,
 * a frequency, the class loader) is given to the builder. Closing releases the shared {@code Jsonb}; mappers and
 * inputs it created must not be used after. <b>Thread-safety:</b> thread-safe; {@link #findMapper} and the lookups
 * may be called from several threads.
 *
 * <pre>{@code
 * try (ComponentManager manager = ComponentManager.builder().checkpointing(true).build()) {
 *     Mapper mapper = manager.findMapper("checkpoint", "list-input", 1, configuration).orElseThrow();
 *     Input input = mapper.create();
 *     input.start(checkpoint -> save(checkpoint.toJson()));
 *     for (Object record = input.next(); record != null; record = input.next()) {
 *         handle(record);
 *     }
 *     input.stop();
 * }
 * }</pre>
 */
public final class ComponentManager implements AutoCloseable {

    /** The deepest nesting {@link #jsonToMap} flattens: levels of objects and arrays, the root object being 1. */
    public static final int MAX_JSON_DEPTH = JsonFlattener.MAX_DEPTH;

    /** Made on first use: getting a logger at class initialisation loads the whole logging stack on every start. */
    private static System.Logger log() {
        return System.getLogger(ComponentManager.class.getName());
    }

    private final ComponentRegistry registry;
    private final Services services;
    private final CheckpointSettings settings;

    /**
     * A manager over the thread's context class loader with checkpointing off: the same as
     * {@code builder().build()}.
     */
    public ComponentManager() {
        this(builder());
    }

    private ComponentManager(Builder builder) {
        this.registry = new ComponentRegistry(builder.classLoader);
        this.services = new Services();
        this.settings = new CheckpointSettings(builder.checkpointing, builder.frequency, builder.interval,
                builder.howToEnable);
    }

    /** Starts a manager's configuration. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A mapper for the component {@code family}/{@code name}, with {@code configuration} bound and validated.
     *
     * <p>{@code configuration} holds option paths ({@code configuration.total=10}) and, to resume, the flattened
     * checkpoint ({@code $checkpoint.sinceId=95}, {@code $checkpoint.__version=2}); checkpoint keys win over the
     * same option given by its path. Older configuration and checkpoint versions are migrated first.
     *
     * <p><b>Limits</b>, so that a configuration or checkpoint from outside cannot cost unbounded memory or time:
     * <ul>
     *   <li>at most {@value ResumePreparer#MAX_CHECKPOINT_KEYS} {@code $checkpoint.*} keys, and at most
     *       {@value ResumePreparer#MAX_CHECKPOINT_BYTES} bytes (1 MiB) for their keys and values in UTF-8; more is a
     *       {@code ConfigurationException} on the key {@code $checkpoint} giving the limits and the size received
     *       (the checkpoint stores refuse to save more than 1 MiB too);</li>
     *   <li>list indices up to {@value KeyIndex#MAX_LIST_INDEX}: {@code items[999999]} is a binding problem on
     *       {@code items}, never an allocation; a list's indices must run from 0 without gaps;</li>
     *   <li>a {@code null} value is a binding problem (leave the key out to keep the option's default).</li>
     * </ul>
     * Type hints such as {@code @type} or {@code class} keys mean nothing: only the component's declared option
     * classes are ever instantiated, through its generated index, and any key that is not an option is unknown.
     *
     * @param version the version of the configuration map, 1 or more; older ones go through the emitter's handler
     * @return empty when no such component is indexed
     * @throws ConfigurationException listing every missing, malformed, null or unknown key, or naming the limit a
     *     {@code $checkpoint} exceeds
     * @throws UnsupportedVersionException when the configuration or checkpoint is newer than the component
     * @throws ComponentException when a migration handler fails
     * @throws AmbiguousComponentException when two component indexes declare {@code family/name}, naming both
     * @throws ComponentIndexException when the component's index, built by another release, cannot build it
     * @throws IllegalArgumentException when {@code version} is below 1
     * @throws NullPointerException when {@code configuration} or one of its keys is null
     */
    public Optional<Mapper> findMapper(String family, String name, int version, Map<String, String> configuration) {
        Objects.requireNonNull(configuration, "configuration");
        if (family == null || name == null) {
            return Optional.empty();
        }
        Optional<ComponentModel> found = registry.find(family, name);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ComponentModel model = found.get();
        OptionModel checkpointOption = registry.checkpointOptionOf(model);
        Map<String, String> prepared = new ResumePreparer(model, checkpointOption, settings)
                .prepare(version, configuration);
        EmitterMapper mapper = new EmitterMapper(model, prepared, services, settings, checkpointOption, configuration,
                version);
        mapper.validate();
        return Optional.of(mapper);
    }

    /** Every component this manager can run, as {@code family/name}, sorted. */
    public List<String> componentIds() {
        return registry.ids();
    }

    /**
     * What went wrong while reading the class loader's component indexes, one sentence each naming the index, its
     * jar and what to do: an index that cannot be loaded or was built with an incompatible Connector Kit release (its
     * components are skipped, the others work), a component declared by two indexes ({@link #findMapper} for it
     * throws), or one its index failed to build when it was first used. Empty when every index was read. Each is
     * also logged as a warning when it is found.
     */
    public List<String> indexProblems() {
        return registry.problems();
    }

    /** Whether this manager takes checkpoints and resumes from {@code $checkpoint} keys. */
    public boolean isCheckpointingEnabled() {
        return settings.enabled();
    }

    /**
     * Flattens JSON into configuration keys: nested objects give dotted keys, arrays {@code [i]}; strings are taken
     * as they are, numbers and booleans as written, {@code null}s are left out. {@code {"$checkpoint": {"sinceId":
     * 95}}} gives {@code $checkpoint.sinceId=95}.
     *
     * <p>Nesting is limited to {@value JsonFlattener#MAX_DEPTH} levels of objects and arrays (the root object is
     * level 1); deeper JSON is refused. To read JSON text from outside, parse it with a JSON-P reader first: that
     * throws {@link jakarta.json.JsonException} for malformed text.
     *
     * @throws IllegalArgumentException for {@code null}, or JSON nested deeper than the limit (naming the path
     *     where it was reached and the limit)
     */
    public static Map<String, String> jsonToMap(JsonValue json) {
        return JsonFlattener.flatten(json);
    }

    /** Whether the JSON-P provider was looked up (a component, a checkpoint or a description needed it); for tests. */
    boolean jsonCreated() {
        return services.jsonCreated();
    }

    /** Whether the shared {@code Jsonb} was created (a component asked for it); for tests. */
    boolean jsonbCreated() {
        return services.jsonbCreated();
    }

    /** Releases the shared {@code Jsonb}. Mappers and inputs created by this manager must not be used after. */
    @Override
    public void close() {
        try {
            services.close();
        } catch (Exception e) {
            log().log(Level.WARNING, "closing the shared Jsonb failed", e);
        }
    }

    /**
     * Checks a saved checkpoint against the {@code @Checkpoint} class of {@code family}/{@code name}, by the rules
     * {@link #findMapper} resumes with, without creating the component or needing the rest of its configuration:
     * for a tool that edits checkpoints, to refuse a bad one before writing it instead of at the next run.
     *
     * <p>The checkpoint's {@code __version} is read (1 when absent) and an older checkpoint goes through the
     * {@code @Version} handler first, so problems name the fields as the current version calls them. Checkpointing
     * need not be on in this manager.
     *
     * @param checkpoint the wire form, {@code {"$checkpoint": {"sinceId": 95, "__version": 2}}}
     * @return false when no such component is indexed (nothing is checked), true when the checkpoint fits
     * @throws ConfigurationException listing every unknown key and every value that does not fit (a value that
     *     does not parse, an unknown enum constant, a setter that rejects it), each key named
     *     {@code $checkpoint.<field>} with the expected type and the value received
     * @throws UnsupportedVersionException when the checkpoint is newer than the component's {@code @Checkpoint}
     * @throws ComponentException when the migration handler fails
     * @throws IllegalArgumentException when the JSON is nested deeper than {@link #jsonToMap} allows
     */
    public boolean checkCheckpoint(String family, String name, JsonObject checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Optional<ComponentModel> found = family == null || name == null ? Optional.empty()
                : registry.find(family, name);
        if (found.isEmpty()) {
            return false;
        }
        ComponentModel model = found.get();
        new CheckpointChecker(model, registry.checkpointOptionOf(model)).check(checkpoint);
        return true;
    }

    /**
     * Every component this manager can run, described, sorted by family then name. Describing creates each
     * configuration class once, through its generated factory, to read its defaults. A component declared by two
     * indexes, or whose index cannot build it, is left out; {@link #indexProblems()} says why.
     */
    public List<ComponentDescription> components() {
        List<ComponentDescription> described = new ArrayList<>();
        for (String id : registry.ids()) {
            try {
                describe(id.substring(0, id.indexOf('/')), id.substring(id.indexOf('/') + 1)).ifPresent(described::add);
            } catch (ComponentIndexException e) {
                // Declared twice, or its index cannot build it: left out, and listed by indexProblems().
            }
        }
        return List.copyOf(described);
    }

    /**
     * The options, defaults and {@code @Checkpoint} of {@code family}/{@code name}, for a user writing its
     * configuration. A credential's default is never read.
     *
     * @return empty when no such component is indexed
     */
    public Optional<ComponentDescription> describe(String family, String name) {
        if (family == null || name == null) {
            return Optional.empty();
        }
        ComponentDescriber describer = new ComponentDescriber(services.json());
        return registry.find(family, name)
                .map(model -> describer.describe(model, registry.checkpointOptionOf(model)));
    }

    /**
     * Configures a {@link ComponentManager}. <b>API</b>; not thread-safe: one thread configures it, then calls
     * {@link #build()} (which may be called again for another manager with the same settings).
     */
    public static final class Builder {
        private ClassLoader classLoader = defaultClassLoader();
        private boolean checkpointing;
        private String howToEnable = CheckpointSettings.BUILDER_HOW_TO_ENABLE;
        private Frequency frequency;
        private long interval;

        private Builder() {
        }

        /** The class loader whose component indexes are read; default: the thread's context class loader. */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        /**
         * Turns checkpointing on or off; default off. Off, inputs take no checkpoint and {@code $checkpoint} keys
         * are ignored with a warning naming them. A host that reads a switch of its own (a command-line flag, a
         * system property) maps it here.
         */
        public Builder checkpointing(boolean enabled) {
            this.checkpointing = enabled;
            return this;
        }

        /**
         * How this host's users turn checkpointing on, for the messages that say it is off (the warning that ignores
         * {@code $checkpoint} keys, the error of {@link Input#getCheckpoint()}). It completes "to turn checkpointing
         * on, ...": a command-line host says {@code "run without --no-checkpoints"}. Default: {@code "build the
         * ComponentManager with builder().checkpointing(true)"}, which is right for an application embedding the
         * runtime.
         */
        public Builder howToEnableCheckpointing(String instruction) {
            this.howToEnable = Objects.requireNonNull(instruction, "instruction");
            return this;
        }

        /** A host-side checkpoint frequency that overrides every component's {@code @Checkpoint}. */
        public Builder checkpointFrequency(Frequency frequency, long interval) {
            if (interval <= 0) {
                throw new IllegalArgumentException("checkpoint interval must be more than zero, got " + interval);
            }
            this.frequency = Objects.requireNonNull(frequency, "frequency");
            this.interval = interval;
            return this;
        }

        /** The manager; reads the component indexes now. */
        public ComponentManager build() {
            return new ComponentManager(this);
        }

        private static ClassLoader defaultClassLoader() {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            return context != null ? context : ComponentManager.class.getClassLoader();
        }
    }
}
