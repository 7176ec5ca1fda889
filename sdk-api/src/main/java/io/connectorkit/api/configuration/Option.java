package io.connectorkit.api.configuration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a configuration option: a constructor parameter of an emitter, or a field of a configuration class.
 *
 * <p>Options form a tree addressed by dotted paths in the flat configuration map: the constructor parameter
 * {@code @Option("configuration") InputConfig config} with a field {@code @Option int total} is set by the key
 * {@code configuration.total}; list elements use {@code [i]} ({@code configuration.ids[0]}).
 *
 * <p>Supported types: {@code String}, the primitive types and their wrappers, enums, {@code java.util.List} of
 * those or of configuration classes, and configuration classes (public, with a public no-argument constructor, whose
 * {@code @Option} fields form the next level). A field's initial value is its default.
 *
 * <h2>Constraints</h2>
 * Checked at compile time by the Connector Kit annotation processor, one error per broken rule:
 * <ul>
 *   <li>The name (the annotation value, or else the field or parameter name) is a Java identifier: no dots or
 *       brackets, which would break paths.</li>
 *   <li>The name is unique among its siblings (the constructor's options, or the options of one class).</li>
 *   <li>A field option is non-static and either a public non-final field or has a public setter.</li>
 *   <li>The type is one of the supported types, and public; anything else ({@code Map}, arrays, {@code Object}, a raw or
 *       wildcard {@code List}, a {@code List} of lists...) is rejected.</li>
 *   <li>A configuration class is public, not abstract, top-level or static nested, and has a public no-argument
 *       constructor.</li>
 *   <li>A configuration class does not contain itself, directly or indirectly.</li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface Option {

    /** The option's name in the configuration path; empty means the field or parameter name. */
    String value() default "";

    /** When true, a configuration without this key is rejected. */
    boolean required() default false;
}
