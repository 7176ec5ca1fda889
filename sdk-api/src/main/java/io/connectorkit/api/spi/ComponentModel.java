package io.connectorkit.api.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Everything the runtime needs to run one input component, generated at compile time: its identity, version, option
 * tree and the calls to its constructor and annotated methods. The calls are plain generated code (any implementation of
 * the functional interfaces will do; the processor writes small classes rather than lambdas, which would each be
 * spun at run time), so nothing is looked up by reflection, neither at start nor per record.
 *
 * <p>A component is of one of two {@linkplain Kind kinds}. An {@link Kind#EMITTER} is its own worker: the producer,
 * checkpoint and lifecycle calls are made on the instance its constructor returns. A {@link Kind#PARTITION_MAPPER}'s
 * constructor makes a mapper, which is assessed, split and asked for its worker ({@link #workerFactory()}); the
 * producer, checkpoint and lifecycle calls are made on that worker, an instance of {@link #workerType()}.
 *
 * <p>Instances are immutable; the generated index builds them with {@link #builder(String, String, Class)}. The
 * partition, {@code @CheckpointCommitted}, {@code @Backlog} and infinite parts were added to index format 2 without
 * raising it: an index that does not use them links as before.
 */
public final class ComponentModel {

    /** What the component class is. */
    public enum Kind {
        /** An {@code @Emitter} class: it reads records itself. */
        EMITTER,
        /** A {@code @PartitionMapper} class: it splits, and its worker reads records. */
        PARTITION_MAPPER
    }

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
    private final BiConsumer<Object, Object> checkpointCommitted;
    private final String checkpointCommittedMethod;
    private final Kind kind;
    private final Class<?> workerType;
    private final Function<Object, Object> workerFactory;
    private final String workerFactoryMethod;
    private final Function<Object, Object> assessor;
    private final String assessorMethod;
    private final SplitCall split;
    private final String splitMethod;
    private final Function<Object, Object> splitId;
    private final String splitIdMethod;
    private final Map<String, ConfigurationReader> configurationReaders;
    private final boolean infinite;
    private final Function<Object, Object> backlog;
    private final String backlogMethod;
    private final String backlogUnit;

    /**
     * How the runtime reads one {@code @Option} constructor parameter back from a partition mapper: its getter.
     *
     * @param method the getter's name, for messages
     * @param call calls it on a mapper instance
     */
    public record ConfigurationReader(String method, Function<Object, Object> call) {

        public ConfigurationReader {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(call, "call");
        }
    }

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
        this.checkpointCommitted = builder.checkpointCommitted;
        this.checkpointCommittedMethod = builder.checkpointCommittedMethod;
        this.kind = builder.kind;
        this.workerType = builder.workerType == null ? builder.type : builder.workerType;
        this.workerFactory = builder.workerFactory;
        this.workerFactoryMethod = builder.workerFactoryMethod;
        this.assessor = builder.assessor;
        this.assessorMethod = builder.assessorMethod;
        this.split = builder.split;
        this.splitMethod = builder.splitMethod;
        this.splitId = builder.splitId;
        this.splitIdMethod = builder.splitIdMethod;
        this.configurationReaders = Collections.unmodifiableMap(new LinkedHashMap<>(builder.configurationReaders));
        this.infinite = builder.infinite;
        this.backlog = builder.backlog;
        this.backlogMethod = builder.backlogMethod;
        this.backlogUnit = builder.backlogUnit;
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

    /** The component class: the {@code @Emitter} or the {@code @PartitionMapper}. */
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

    /** Calls the {@code @Producer} method (of the worker, for a partition mapper; so do the calls below). */
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

    /**
     * Calls the {@code @CheckpointCommitted} method with a {@code @Checkpoint} object; {@code null} when the emitter
     * (or worker) has none.
     */
    public BiConsumer<Object, Object> checkpointCommitted() {
        return checkpointCommitted;
    }

    /** The name of the {@code @CheckpointCommitted} method; {@code null} when there is none. */
    public String checkpointCommittedMethod() {
        return checkpointCommittedMethod;
    }

    /** Whether the component is an emitter or a partition mapper. */
    public Kind kind() {
        return kind;
    }

    /** The class whose methods the producer, checkpoint and lifecycle calls take: {@link #type()} for an emitter. */
    public Class<?> workerType() {
        return workerType;
    }

    /** For a partition mapper: calls its {@code @Emitter} factory method on a mapper; otherwise {@code null}. */
    public Function<Object, Object> workerFactory() {
        return workerFactory;
    }

    /** The name of the {@code @Emitter} factory method; {@code null} for an emitter. */
    public String workerFactoryMethod() {
        return workerFactoryMethod;
    }

    /** Calls the {@code @Assessor} method, which returns a {@code Number}; {@code null} when there is none. */
    public Function<Object, Object> assessor() {
        return assessor;
    }

    /** The name of the {@code @Assessor} method; {@code null} when there is none. */
    public String assessorMethod() {
        return assessorMethod;
    }

    /** Calls the {@code @Split} method on a mapper with the desired size. {@code null} for an emitter. */
    public SplitCall split() {
        return split;
    }

    /** The name of the {@code @Split} method; {@code null} for an emitter. */
    public String splitMethod() {
        return splitMethod;
    }

    /** Calls the {@code @SplitId} method on a mapper, which returns a {@code String}; {@code null} when there is none. */
    public Function<Object, Object> splitId() {
        return splitId;
    }

    /** The name of the {@code @SplitId} method; {@code null} when there is none. */
    public String splitIdMethod() {
        return splitIdMethod;
    }

    /**
     * For a partition mapper: by option name, how each {@code @Option} constructor parameter is read back from a
     * mapper; empty for an emitter.
     */
    public Map<String, ConfigurationReader> configurationReaders() {
        return configurationReaders;
    }

    /** Whether the input never ends by itself ({@code @Emitter(infinite = true)}): a null record means "nothing now". */
    public boolean infinite() {
        return infinite;
    }

    /** Calls the {@code @Backlog} method, which returns a {@code Long}; {@code null} when there is none. */
    public Function<Object, Object> backlog() {
        return backlog;
    }

    /** The name of the {@code @Backlog} method; {@code null} when there is none. */
    public String backlogMethod() {
        return backlogMethod;
    }

    /** What the {@code @Backlog} method counts ({@code "bytes"}, ...); {@code null} when there is none. */
    public String backlogUnit() {
        return backlogUnit;
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
        private BiConsumer<Object, Object> checkpointCommitted;
        private String checkpointCommittedMethod;
        private Kind kind = Kind.EMITTER;
        private Class<?> workerType;
        private Function<Object, Object> workerFactory;
        private String workerFactoryMethod;
        private Function<Object, Object> assessor;
        private String assessorMethod;
        private SplitCall split;
        private String splitMethod;
        private Function<Object, Object> splitId;
        private String splitIdMethod;
        private final Map<String, ConfigurationReader> configurationReaders = new LinkedHashMap<>();
        private boolean infinite;
        private Function<Object, Object> backlog;
        private String backlogMethod;
        private String backlogUnit;

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

        /** The {@code @CheckpointCommitted} method's name and call (worker, {@code @Checkpoint} object). */
        public Builder checkpointCommitted(String method, BiConsumer<Object, Object> call) {
            this.checkpointCommittedMethod = Objects.requireNonNull(method, "method");
            this.checkpointCommitted = Objects.requireNonNull(call, "call");
            return this;
        }

        /**
         * Makes the component a partition mapper whose worker, an instance of {@code workerType}, its
         * {@code @Emitter} factory method {@code method} returns.
         */
        public Builder partitionMapper(Class<?> workerType, String method, Function<Object, Object> factory) {
            this.kind = Kind.PARTITION_MAPPER;
            this.workerType = Objects.requireNonNull(workerType, "workerType");
            this.workerFactoryMethod = Objects.requireNonNull(method, "method");
            this.workerFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** The {@code @Assessor} method's name and call. */
        public Builder assessor(String method, Function<Object, Object> call) {
            this.assessorMethod = Objects.requireNonNull(method, "method");
            this.assessor = Objects.requireNonNull(call, "call");
            return this;
        }

        /** The {@code @Split} method's name and call. */
        public Builder split(String method, SplitCall call) {
            this.splitMethod = Objects.requireNonNull(method, "method");
            this.split = Objects.requireNonNull(call, "call");
            return this;
        }

        /** The {@code @SplitId} method's name and call. */
        public Builder splitId(String method, Function<Object, Object> call) {
            this.splitIdMethod = Objects.requireNonNull(method, "method");
            this.splitId = Objects.requireNonNull(call, "call");
            return this;
        }

        /** How the {@code @Option} constructor parameter named {@code option} is read back from a partition mapper. */
        public Builder configurationReader(String option, String method, Function<Object, Object> call) {
            this.configurationReaders.put(Objects.requireNonNull(option, "option"), new ConfigurationReader(method, call));
            return this;
        }

        /** Makes the component an infinite input: its producer's {@code null} means "nothing now", not the end. */
        public Builder infinite() {
            this.infinite = true;
            return this;
        }

        /** The {@code @Backlog} method's name, unit and call (which returns a {@code Long}). */
        public Builder backlog(String method, String unit, Function<Object, Object> call) {
            this.backlogMethod = Objects.requireNonNull(method, "method");
            this.backlogUnit = Objects.requireNonNull(unit, "unit");
            this.backlog = Objects.requireNonNull(call, "call");
            return this;
        }

        /** The immutable model. */
        public ComponentModel build() {
            if (constructor == null || producer == null) {
                throw new IllegalStateException(family + "/" + name + ": constructor and producer are required");
            }
            if (kind == Kind.PARTITION_MAPPER) {
                if (split == null) {
                    throw new IllegalStateException(family + "/" + name + ": a partition mapper needs @Split");
                }
                for (OptionModel parameter : parameters) {
                    if (parameter.kind() != OptionModel.Kind.SERVICE
                            && !configurationReaders.containsKey(parameter.name())) {
                        throw new IllegalStateException(family + "/" + name + ": the option parameter '"
                                + parameter.name() + "' has no configuration reader");
                    }
                }
            } else if (split != null || assessor != null || splitId != null || !configurationReaders.isEmpty()) {
                throw new IllegalStateException(family + "/" + name
                        + ": @Split, @Assessor, @SplitId and configuration readers belong to a partition mapper");
            }
            if (checkpointCommitted != null && checkpointData == null) {
                throw new IllegalStateException(family + "/" + name + ": @CheckpointCommitted needs @CheckpointData");
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
