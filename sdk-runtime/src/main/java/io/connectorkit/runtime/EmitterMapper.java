package io.connectorkit.runtime;

import io.connectorkit.api.input.checkpoint.Checkpoint.Frequency;
import io.connectorkit.api.spi.ComponentModel;
import io.connectorkit.api.spi.OptionModel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A component with its prepared configuration: an emitter, or a partition mapper whose inputs drive the worker its
 * {@code @Emitter} factory returns. Every input gets configuration objects of its own (the emitter mutates its
 * {@code @Checkpoint} instance): the first {@link #create()} takes those bound when the mapper was found, which
 * validated the configuration, and each later one binds it again. Splitting is {@link MapperSplitter}'s. Thread-safe.
 */
final class EmitterMapper implements Mapper {

    private final ComponentModel model;
    private final Map<String, String> configuration;
    private final Services services;
    private final CheckpointSettings settings;
    private final OptionModel checkpointOption;
    private final Map<String, String> given;
    private final int configurationVersion;
    /**
     * The objects bound by {@link #validate()}, until an input takes them; guarded by {@code this} (not an
     * {@code AtomicReference}, whose {@code VarHandle} would be a start-up's first).
     */
    private ConfigurationBinder.Bound unused;
    /** The credential values {@link #validate()} bound, to keep out of {@link #nonSecretConfiguration()}. */
    private Set<String> secrets = Set.of();

    /**
     * @param configuration the configuration prepared for binding (migrated, {@code $checkpoint} keys rewritten)
     * @param given the configuration as the host gave it, and {@code configurationVersion} its version
     */
    EmitterMapper(ComponentModel model, Map<String, String> configuration, Services services,
            CheckpointSettings settings, OptionModel checkpointOption, Map<String, String> given,
            int configurationVersion) {
        this.model = model;
        // The map findMapper prepared for this mapper alone, null-free: kept as it is, not copied again.
        this.configuration = Collections.unmodifiableMap(configuration);
        this.services = services;
        this.settings = settings;
        this.checkpointOption = checkpointOption;
        this.given = Map.copyOf(given);
        this.configurationVersion = configurationVersion;
    }

    /** Binds once, so that a bad configuration fails in {@code findMapper}, not later in {@code create()}. */
    void validate() {
        ConfigurationBinder.Bound bound = ConfigurationBinder.bind(model, configuration, services);
        synchronized (this) {
            unused = bound;
            secrets = bound.secrets();
        }
    }

    /** The objects {@link #validate()} bound, once; then {@code null}. */
    private synchronized ConfigurationBinder.Bound takeUnused() {
        ConfigurationBinder.Bound bound = unused;
        unused = null;
        return bound;
    }

    private ConfigurationBinder.Bound bound() {
        ConfigurationBinder.Bound bound = takeUnused();
        return bound != null ? bound : ConfigurationBinder.bind(model, configuration, services);
    }

    @Override
    public Input create() {
        ConfigurationBinder.Bound bound = bound();
        ComponentFailures failures = new ComponentFailures(model.id(), bound.secrets());
        Object worker = construct(bound, failures);
        if (model.kind() == ComponentModel.Kind.PARTITION_MAPPER) {
            try {
                worker = model.workerFactory().apply(worker);
            } catch (RuntimeException e) {
                throw failures.failure("@Emitter " + model.workerFactoryMethod() + "()", e);
            }
            if (worker == null) {
                throw new ComponentException(model.id(), "@Emitter " + model.workerFactoryMethod()
                        + "() returned null; it must return the worker that reads this mapper's part", null);
            }
        }
        if (!settings.enabled() || !model.supportsCheckpoints()) {
            return new EmitterInput(model, worker, null, null, null, failures, settings.howToEnable());
        }
        CheckpointCodec codec = new CheckpointCodec(checkpointOption, services.builderFactory(), services.json());
        CheckpointCapture capture = new CheckpointCapture(model, codec, checkpointOption.checkpoint().version().value(),
                failures);
        CheckpointCommits commits = model.checkpointCommitted() == null ? null
                : new CheckpointCommits(model, checkpointOption, failures);
        return new EmitterInput(model, worker, capture, policy(), commits, failures, settings.howToEnable());
    }

    /** A new instance of the component class (the emitter, or the mapper) over {@code bound}. */
    Object construct(ConfigurationBinder.Bound bound, ComponentFailures failures) {
        try {
            return model.constructor().apply(bound.arguments());
        } catch (RuntimeException e) {
            throw failures.failure("constructor of " + model.type().getName(), e);
        }
    }

    @Override
    public String componentId() {
        return model.id();
    }

    @Override
    public boolean partitioned() {
        return model.kind() == ComponentModel.Kind.PARTITION_MAPPER;
    }

    @Override
    public long estimateSize() {
        if (model.assessor() == null) {
            return UNKNOWN_SIZE;
        }
        ConfigurationBinder.Bound bound = bound();
        ComponentFailures failures = new ComponentFailures(model.id(), bound.secrets());
        Object mapper = construct(bound, failures);
        Object size;
        try {
            size = model.assessor().apply(mapper);
        } catch (RuntimeException e) {
            throw failures.failure("@Assessor " + model.assessorMethod() + "()", e);
        }
        long estimate = ((Number) size).longValue();
        if (estimate < 0) {
            throw new ComponentException(model.id(), "@Assessor " + model.assessorMethod() + "() returned " + estimate
                    + "; a size is 0 or more", null);
        }
        return estimate;
    }

    @Override
    public List<Split> split(long desiredSize) {
        if (desiredSize < 1) {
            throw new IllegalArgumentException(model.id() + ": the desired size of a split must be 1 or more, got "
                    + desiredSize);
        }
        if (model.kind() == ComponentModel.Kind.EMITTER) {
            Map<String, String> own = nonSecretConfiguration();
            return List.of(new Split(SplitIds.derived(own, model.checkpointPath()), own, configurationVersion));
        }
        ConfigurationBinder.Bound bound = bound();
        ComponentFailures failures = new ComponentFailures(model.id(), bound.secrets());
        return new MapperSplitter(model, failures, this::checkBinds).split(construct(bound, failures), desiredSize);
    }

    /** Binds {@code split} as {@link #create(Split, CheckpointState)} would, without creating anything. */
    private void checkBinds(Split split) {
        ConfigurationBinder.bind(model, prepare(split, null), services);
    }

    @Override
    public Input create(Split split, CheckpointState checkpoint) {
        Objects.requireNonNull(split, "split");
        EmitterMapper mapper = new EmitterMapper(model, prepare(split, checkpoint), services, settings,
                checkpointOption, split.configuration(), split.configurationVersion());
        mapper.validate();
        return mapper.create();
    }

    /** The split's configuration with this mapper's credentials and the checkpoint's keys, prepared for binding. */
    private Map<String, String> prepare(Split split, CheckpointState checkpoint) {
        Map<String, String> map = new LinkedHashMap<>(split.configuration());
        map.putAll(credentials());
        if (checkpoint != null) {
            map.putAll(ComponentManager.jsonToMap(checkpoint.toJson()));
        }
        return new ResumePreparer(model, checkpointOption, settings).prepare(split.configurationVersion(), map);
    }

    /** The keys of the prepared configuration that hold a {@code @Credential} option's value. */
    private Map<String, String> credentials() {
        Map<String, String> credentials = new LinkedHashMap<>();
        configuration.forEach((key, value) -> {
            OptionModel option = OptionPaths.resolve(model.parameters(), key);
            if (option != null && option.credential()) {
                credentials.put(key, value);
            }
        });
        return credentials;
    }

    @Override
    public Map<String, String> nonSecretConfiguration() {
        Set<String> hidden;
        synchronized (this) {
            hidden = secrets;
        }
        Map<String, String> shown = new TreeMap<>();
        given.forEach((key, value) -> {
            if (key.startsWith(ResumePreparer.PREFIX)) {
                return;
            }
            OptionModel option = OptionPaths.resolve(model.parameters(), key);
            // A key of an older configuration version names no option of this one: hidden if it holds a secret.
            boolean secret = option != null ? option.credential() : hidden.contains(value);
            if (!secret) {
                shown.put(key, value);
            }
        });
        return Collections.unmodifiableMap(shown);
    }

    @Override
    public int configurationVersion() {
        return configurationVersion;
    }

    private CheckpointPolicy policy() {
        if (settings.frequency() != null) {
            return new CheckpointPolicy(settings.frequency(), settings.interval());
        }
        Frequency frequency = checkpointOption.checkpoint().frequency();
        return new CheckpointPolicy(frequency, checkpointOption.checkpoint().interval());
    }

    @Override
    public String toString() {
        return "Mapper[" + model.id() + "]";
    }
}
