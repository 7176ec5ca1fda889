package io.connectorkit.runtime;

import io.connectorkit.api.input.checkpoint.Checkpoint.Frequency;
import io.connectorkit.api.spi.ComponentModel;
import io.connectorkit.api.spi.OptionModel;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

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
    /** The objects bound by {@link #validate()}, until an input takes them. */
    private final AtomicReference<ConfigurationBinder.Bound> unused = new AtomicReference<>();

    EmitterMapper(ComponentModel model, Map<String, String> configuration, Services services,
            CheckpointSettings settings, OptionModel checkpointOption) {
        this.model = model;
        // The map findMapper prepared for this mapper alone, null-free: kept as it is, not copied again.
        this.configuration = Collections.unmodifiableMap(configuration);
        this.services = services;
        this.settings = settings;
        this.checkpointOption = checkpointOption;
    }

    /** Binds once, so that a bad configuration fails in {@code findMapper}, not later in {@code create()}. */
    void validate() {
        unused.set(ConfigurationBinder.bind(model, configuration, services));
    }

    @Override
    public Input create() {
        ConfigurationBinder.Bound bound = unused.getAndSet(null);
        if (bound == null) {
            bound = ConfigurationBinder.bind(model, configuration, services);
        }
        SecretScrubber scrubber = new SecretScrubber(bound.secrets());
        Object emitter;
        try {
            emitter = model.constructor().apply(bound.arguments());
        } catch (RuntimeException e) {
            throw new ComponentFailures(model.id(), scrubber).failure("constructor of " + model.type().getName(), e);
        }
        if (!settings.enabled() || !model.supportsCheckpoints()) {
            return new EmitterInput(model, emitter, null, null, scrubber, settings.howToEnable());
        }
        CheckpointCodec codec = new CheckpointCodec(checkpointOption, services.builderFactory(), services.json());
        CheckpointCapture capture = new CheckpointCapture(model, codec, checkpointOption.checkpoint().version().value(),
                new ComponentFailures(model.id(), scrubber));
        return new EmitterInput(model, emitter, capture, policy(), scrubber, settings.howToEnable());
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
