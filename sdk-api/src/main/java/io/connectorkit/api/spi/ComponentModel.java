package io.connectorkit.api.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Everything the runtime needs to run one emitter, generated at compile time: its identity, version, option tree
 * and the calls to its constructor and annotated methods. The calls are plain generated code (any implementation of
 * the functional interfaces will do; the processor writes small classes rather than lambdas, which would each be
 * spun at run time), so nothing is looked up by reflection, neither at start nor per record.
 *
 * <p>Instances are immutable; the generated index builds them with {@link #builder(String, String, Class)}.
 */
public final class ComponentModel {

    private final String family;
    private final String name;
    private final Class<?> type;
    private final VersionModel version;
    private final List<OptionModel> parameters;
    private final Function<Object[], Object> constructor;
    private final Function<Object, Object> producer;
    private final String producerMethod;
    private final List<LifecycleCall> postConstruct;
    private final List<LifecycleCall> preDestroy;
    private final Function<Object, Object> checkpointData;
    private final String checkpointDataMethod;
    private final Predicate<Object> checkpointAvailable;
    private final String checkpointAvailableMethod;
    private final String checkpointPath;

    private ComponentModel(Builder builder) {
        this.family = builder.family;
        this.name = builder.name;
        this.type = builder.type;
        this.version = builder.version;
        this.parameters = List.copyOf(builder.parameters);
        this.constructor = builder.constructor;
        this.producer = builder.producer;
        this.producerMethod = builder.producerMethod;
        this.postConstruct = List.copyOf(builder.postConstruct);
        this.preDestroy = List.copyOf(builder.preDestroy);
        this.checkpointData = builder.checkpointData;
        this.checkpointDataMethod = builder.checkpointDataMethod;
        this.checkpointAvailable = builder.checkpointAvailable;
        this.checkpointAvailableMethod = builder.checkpointAvailableMethod;
        this.checkpointPath = builder.checkpointPath;
    }

    /** Starts the model of the emitter {@code type}, known as {@code family}/{@code name}. */
    public static Builder builder(String family, String name, Class<?> type) {
        return new Builder(family, name, type);
    }

    /** The component family. */
    public String family() {
        return family;
    }

    /** The component name within its family. */
    public String name() {
        return name;
    }

    /** {@code family/name}, as shown in messages. */
    public String id() {
        return family + "/" + name;
    }

    /** The emitter class. */
    public Class<?> type() {
        return type;
    }

    /** The configuration version declared by the emitter's {@code @Version}. */
    public VersionModel version() {
        return version;
    }

    /** The constructor parameters, in order: options and services. */
    public List<OptionModel> parameters() {
        return parameters;
    }

    /** Calls the public constructor with one argument per {@link #parameters()} entry. */
    public Function<Object[], Object> constructor() {
        return constructor;
    }

    /** Calls the {@code @Producer} method. */
    public Function<Object, Object> producer() {
        return producer;
    }

    /** The name of the {@code @Producer} method. */
    public String producerMethod() {
        return producerMethod;
    }

    /** Call the {@code @PostConstruct} methods, in declaration order. */
    public List<LifecycleCall> postConstruct() {
        return postConstruct;
    }

    /** Call the {@code @PreDestroy} methods, in declaration order. */
    public List<LifecycleCall> preDestroy() {
        return preDestroy;
    }

    /** Calls the {@code @CheckpointData} method; {@code null} when the emitter has none. */
    public Function<Object, Object> checkpointData() {
        return checkpointData;
    }

    /** The name of the {@code @CheckpointData} method; {@code null} when the emitter has none. */
    public String checkpointDataMethod() {
        return checkpointDataMethod;
    }

    /** Calls the {@code @CheckpointAvailable} method; {@code null} when every record is a safe point. */
    public Predicate<Object> checkpointAvailable() {
        return checkpointAvailable;
    }

    /** The name of the {@code @CheckpointAvailable} method; {@code null} when the emitter has none. */
    public String checkpointAvailableMethod() {
        return checkpointAvailableMethod;
    }

    /**
     * The dotted path of the {@code @Checkpoint} option in the configuration (for example
     * {@code configuration.checkpoint}, or {@code checkpoint} for a constructor parameter); {@code null} when the
     * emitter has no {@code @Checkpoint} option.
     */
    public String checkpointPath() {
        return checkpointPath;
    }

    /** Whether the emitter exposes checkpoints. */
    public boolean supportsCheckpoints() {
        return checkpointData != null;
    }

    @Override
    public String toString() {
        return "ComponentModel[" + id() + " " + type.getName() + " v" + version.value() + "]";
    }

    /** Builds a {@link ComponentModel}; used by generated code. */
    public static final class Builder {
        private final String family;
        private final String name;
        private final Class<?> type;
        private VersionModel version = VersionModel.DEFAULT;
        private final List<OptionModel> parameters = new ArrayList<>();
        private Function<Object[], Object> constructor;
        private Function<Object, Object> producer;
        private String producerMethod;
        private final List<LifecycleCall> postConstruct = new ArrayList<>();
        private final List<LifecycleCall> preDestroy = new ArrayList<>();
        private Function<Object, Object> checkpointData;
        private String checkpointDataMethod;
        private Predicate<Object> checkpointAvailable;
        private String checkpointAvailableMethod;
        private String checkpointPath;

        private Builder(String family, String name, Class<?> type) {
            this.family = Objects.requireNonNull(family, "family");
            this.name = Objects.requireNonNull(name, "name");
            this.type = Objects.requireNonNull(type, "type");
        }

        /** The emitter's {@code @Version}. */
        public Builder version(VersionModel version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /** Adds the next constructor parameter. */
        public Builder parameter(OptionModel parameter) {
            this.parameters.add(Objects.requireNonNull(parameter, "parameter"));
            return this;
        }

        /** The constructor call. */
        public Builder constructor(Function<Object[], Object> constructor) {
            this.constructor = Objects.requireNonNull(constructor, "constructor");
            return this;
        }

        /** The {@code @Producer} method's name and call. */
        public Builder producer(String method, Function<Object, Object> producer) {
            this.producerMethod = Objects.requireNonNull(method, "method");
            this.producer = Objects.requireNonNull(producer, "producer");
            return this;
        }

        /** Adds a {@code @PostConstruct} method's name and call. */
        public Builder postConstruct(String method, Consumer<Object> call) {
            this.postConstruct.add(new LifecycleCall(method, call));
            return this;
        }

        /** Adds a {@code @PreDestroy} method's name and call. */
        public Builder preDestroy(String method, Consumer<Object> call) {
            this.preDestroy.add(new LifecycleCall(method, call));
            return this;
        }

        /** The dotted path of the emitter's {@code @Checkpoint} option. */
        public Builder checkpointPath(String path) {
            this.checkpointPath = Objects.requireNonNull(path, "path");
            return this;
        }

        /** The {@code @CheckpointData} method's name and call. */
        public Builder checkpointData(String method, Function<Object, Object> call) {
            this.checkpointDataMethod = Objects.requireNonNull(method, "method");
            this.checkpointData = Objects.requireNonNull(call, "call");
            return this;
        }

        /** The {@code @CheckpointAvailable} method's name and call. */
        public Builder checkpointAvailable(String method, Predicate<Object> call) {
            this.checkpointAvailableMethod = Objects.requireNonNull(method, "method");
            this.checkpointAvailable = Objects.requireNonNull(call, "call");
            return this;
        }

        /** The immutable model. */
        public ComponentModel build() {
            if (constructor == null || producer == null) {
                throw new IllegalStateException(family + "/" + name + ": constructor and producer are required");
            }
            if (checkpointAvailable != null && checkpointData == null) {
                throw new IllegalStateException(family + "/" + name + ": @CheckpointAvailable needs @CheckpointData");
            }
            if (checkpointData != null && checkpointPath == null) {
                throw new IllegalStateException(family + "/" + name + ": @CheckpointData needs a @Checkpoint option");
            }
            return new ComponentModel(this);
        }
    }
}
