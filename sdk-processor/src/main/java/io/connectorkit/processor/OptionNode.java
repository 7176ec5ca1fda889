package io.connectorkit.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.connectorkit.api.spi.OptionModel.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * One validated node of an emitter's option tree, holding only what the generator needs (names and JavaPoet types,
 * no {@code javax.lang.model} objects). Filled in by {@link OptionTreeBuilder} only, then read by
 * {@link IndexGenerator}; the mutable fields are for that hand-over and nothing else.
 */
final class OptionNode {

    /** How the generated code reads and writes the node on its parent object. */
    enum Access {
        /** A constructor parameter, a service or a list element: no accessors. */
        NONE,
        /** A public non-final field, accessed directly. */
        FIELD,
        /** A public setter, and a public getter when there is one. */
        METHODS
    }

    final String name;
    final Kind kind;
    /** The type of the class literal: {@code int}, {@code Integer}, the enum, {@code List} or the class. */
    final TypeName literal;
    /** The type a value is cast to, with its type arguments ({@code List<String>}). */
    final TypeName cast;
    boolean required;
    boolean credential;

    Access access = Access.NONE;
    ClassName owner;
    String fieldName;
    String getter;
    String setter;
    /** Whether the accessor has a {@code throws} clause (see {@link MethodCall}). */
    boolean getterThrows;
    boolean setterThrows;

    OptionNode element;
    final List<OptionNode> children = new ArrayList<>();
    CheckpointDeclaration checkpoint;
    /** For a configuration class that is not a checkpoint: its {@code @Version}. */
    VersionInfo version = VersionInfo.DEFAULT;
    /** For a configuration class: whether its no-argument constructor has a {@code throws} clause. */
    boolean factoryThrows;

    OptionNode(String name, Kind kind, TypeName literal, TypeName cast) {
        this.name = name;
        this.kind = kind;
        this.literal = literal;
        this.cast = cast;
    }
}
