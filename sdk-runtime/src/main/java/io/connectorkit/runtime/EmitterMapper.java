package io.connectorkit.runtime;

import io.connectorkit.api.input.checkpoint.Checkpoint.Frequency;
import io.connectorkit.api.spi.ComponentModel;
import io.connectorkit.api.spi.OptionModel;
import java.util.Map;

/**
 * A component with its prepared configuration. Every input gets configuration objects of its own (the emitter mutates
 * its {@code @Checkpoint} instance): the first {@link #create()} takes those bound when the mapper was found, which
 * validated the configuration, and each later one binds it again. Thread-safe.
 */
final class EmitterMapper implements Mapper {

    private final ComponentModel model;
    private final Map<String, String> configuration;
    private final Services services;
    private final CheckpointSettings settings;
    private final OptionModel checkpointOption;
    /**
     * The objects bound by {@link #validate()}, until an input takes them; guarded by {@code this} (not an
     * {@code AtomicReference}, whose {@code VarHandle} would be a start-up's first).
     */
    private ConfigurationBinder.Bound unused;

    EmitterMapper(ComponentModel model, Map<String, String> configuration, Services services,
            CheckpointSettings settings, OptionModel checkpointOption) {
        this.model = model;
        this.configuration = Map.copyOf(configuration);
        this.services = services;
        this.settings = settings;
        this.checkpointOption = checkpointOption;
    }

    /** Binds once, so that a bad configuration fails in {@code findMapper}, not later in {@code create()}. */
    void validate() {
        ConfigurationBinder.Bound bound = ConfigurationBinder.bind(model, configuration, services);
        synchronized (this) {
            unused = bound;
        }
    }

    /** The objects {@link #validate()} bound, once; then {@code null}. */
    private synchronized ConfigurationBinder.Bound takeUnused() {
        ConfigurationBinder.Bound bound = unused;
        unused = null;
        return bound;
    }

    @Override
    public Input create() {
        ConfigurationBinder.Bound bound = takeUnused();
        if (bound == null) {
            bound = ConfigurationBinder.bind(model, configuration, services);
        }
        ComponentFailures failures = new ComponentFailures(model.id(), bound.secrets());
        Object emitter;
        try {
            emitter = model.constructor().apply(bound.arguments());
        } catch (RuntimeException e) {
            throw failures.failure("constructor of " + model.type().getName(), e);
        }
        if (!settings.enabled() || !model.supportsCheckpoints()) {
            return new EmitterInput(model, emitter, null, null, failures, settings.howToEnable());
        }
        CheckpointCodec codec = new CheckpointCodec(checkpointOption, services.builderFactory(), services.json());
        CheckpointCapture capture = new CheckpointCapture(model, codec, checkpointOption.checkpoint().version().value(),
                failures);
        return new EmitterInput(model, emitter, capture, policy(), failures, settings.howToEnable());
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
