package io.connectorkit.api.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One node of a component's option tree: a constructor parameter, a field of a configuration class, or the element
 * of a list. Accessors are generated code, so binding and checkpoint capture need no reflection.
 *
 * <p>Instances are immutable; the generated index builds them with {@link #builder(String, Kind, Class)}.
 */
public final class OptionModel {

    /** What a node holds, and so how its value is read from a string and written to JSON. */
    public enum Kind {
        STRING, BOOLEAN, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, CHAR, ENUM,
        /** A {@code java.util.List}; {@link #element()} describes its items. */
        LIST,
        /** A configuration class; {@link #children()} are its options. */
        OBJECT,
        /** A constructor parameter injected by the runtime ({@code JsonBuilderFactory}, {@code Jsonb}). */
        SERVICE;

        /** Whether the value is a single string-convertible value. */
        public boolean isScalar() {
            return this != LIST && this != OBJECT && this != SERVICE;
        }
    }

    private final String name;
    private final Kind kind;
    private final Class<?> type;
    private final boolean primitive;
    private final boolean required;
    private final boolean credential;
    private final Function<Object, Object> getter;
    private final BiConsumer<Object, Object> setter;
    private final OptionModel element;
    private final List<OptionModel> children;
    private final Supplier<Object> factory;
    private final CheckpointModel checkpoint;
    private final VersionModel version;

    private OptionModel(Builder builder) {
        this.name = builder.name;
        this.kind = builder.kind;
        this.type = builder.type;
        this.primitive = builder.type.isPrimitive();
        this.required = builder.required;
        this.credential = builder.credential;
        this.getter = builder.getter;
        this.setter = builder.setter;
        this.element = builder.element;
        this.children = List.copyOf(builder.children);
        this.factory = builder.factory;
        this.checkpoint = builder.checkpoint;
        this.version = builder.version;
    }

    /** Starts a node: its option name, its kind and its declared type (the enum, list or class type as declared). */
    public static Builder builder(String name, Kind kind, Class<?> type) {
        return new Builder(name, kind, type);
    }

    /** The option's name: one segment of its path. Empty for list elements and services. */
    public String name() {
        return name;
    }

    /** What the node holds. */
    public Kind kind() {
        return kind;
    }

    /** The declared Java type: a primitive or wrapper, {@code String}, the enum, {@code List}, or the class. */
    public Class<?> type() {
        return type;
    }

    /** Whether the declared type is primitive, so that the value can never be null. */
    public boolean primitive() {
        return primitive;
    }

    /** Whether a configuration without this option is rejected. */
    public boolean required() {
        return required;
    }

    /** Whether the value is a secret that must never be shown. */
    public boolean credential() {
        return credential;
    }

    /** Reads this field from its parent object; {@code null} for parameters, list elements and write-only fields. */
    public Function<Object, Object> getter() {
        return getter;
    }

    /** Writes this field on its parent object; {@code null} for parameters and list elements. */
    public BiConsumer<Object, Object> setter() {
        return setter;
    }

    /** For {@link Kind#LIST}: the model of the items. */
    public OptionModel element() {
        return element;
    }

    /** For {@link Kind#OBJECT}: the options of the class, in declaration order. */
    public List<OptionModel> children() {
        return children;
    }

    /** For {@link Kind#OBJECT}: creates an instance with its defaults (the public no-argument constructor). */
    public Supplier<Object> factory() {
        return factory;
    }

    /** For a {@code @Checkpoint} class: its frequency and version; otherwise {@code null}. */
    public CheckpointModel checkpoint() {
        return checkpoint;
    }

    /**
     * For {@link Kind#OBJECT}: the {@code @Version} of the configuration class ({@link VersionModel#DEFAULT} without
     * one). A configuration map may give it as {@code <path>.__version}; older data under the path is migrated by
     * its handler. For a {@code @Checkpoint} class this is the same version as {@link #checkpoint()}'s.
     */
    public VersionModel version() {
        return version;
    }

    /** The child named {@code childName}, or {@code null}. */
    public OptionModel child(String childName) {
        for (OptionModel child : children) {
            if (child.name.equals(childName)) {
                return child;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "OptionModel[" + name + ": " + kind + " " + type.getName() + "]";
    }

    /** Builds an {@link OptionModel}; used by generated code. */
    public static final class Builder {
        private final String name;
        private final Kind kind;
        private final Class<?> type;
        private boolean required;
        private boolean credential;
        private Function<Object, Object> getter;
        private BiConsumer<Object, Object> setter;
        private OptionModel element;
        private final List<OptionModel> children = new ArrayList<>();
        private Supplier<Object> factory;
        private CheckpointModel checkpoint;
        private VersionModel version = VersionModel.DEFAULT;

        private Builder(String name, Kind kind, Class<?> type) {
            this.name = Objects.requireNonNull(name, "name");
            this.kind = Objects.requireNonNull(kind, "kind");
            this.type = Objects.requireNonNull(type, "type");
        }

        /** Marks the option as required. */
        public Builder required() {
            this.required = true;
            return this;
        }

        /** Marks the option as a secret. */
        public Builder credential() {
            this.credential = true;
            return this;
        }

        /** The field's accessors; {@code getter} may be null for a write-only field. */
        public Builder field(Function<Object, Object> getter, BiConsumer<Object, Object> setter) {
            this.getter = getter;
            this.setter = Objects.requireNonNull(setter, "setter");
            return this;
        }

        /** The item model of a list. */
        public Builder element(OptionModel element) {
            this.element = Objects.requireNonNull(element, "element");
            return this;
        }

        /** How to create an instance of a configuration class. */
        public Builder factory(Supplier<Object> factory) {
            this.factory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** Adds an option of a configuration class. */
        public Builder child(OptionModel child) {
            this.children.add(Objects.requireNonNull(child, "child"));
            return this;
        }

        /** Marks a configuration class as the {@code @Checkpoint} state; its version is the state's version. */
        public Builder checkpoint(CheckpointModel checkpoint) {
            this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
            this.version = checkpoint.version();
            return this;
        }

        /** The {@code @Version} of a configuration class. */
        public Builder version(VersionModel version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /** The immutable node. */
        public OptionModel build() {
            if (kind == Kind.LIST && element == null) {
                throw new IllegalStateException("list option '" + name + "' has no element model");
            }
            if (kind == Kind.OBJECT && factory == null) {
                throw new IllegalStateException("object option '" + name + "' has no factory");
            }
            return new OptionModel(this);
        }
    }
}
