package io.connectorkit.api.component;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the version of an emitter's configuration (on the {@code @Emitter} class), of a configuration class (a
 * class used as an {@code @Option} type), or of a checkpoint state (on the {@code @Checkpoint} class), and the
 * handler that upgrades older versions.
 *
 * <p>Without this annotation the version is 1. The three are versioned apart:
 * <ul>
 *   <li>the <b>component's</b> version is the {@code version} argument of {@code findMapper}; its handler sees the
 *       whole configuration map;</li>
 *   <li>a <b>configuration class's</b> version is the key {@code <path>.__version} of the map (as Talend Component
 *       Kit writes it, for example {@code configuration.__version=1}); when it is lower, or missing while keys under
 *       the path are given, the handler sees that object's own keys, relative to its path and without
 *       {@code __version}, after the component's handler ran (outer objects before inner ones);</li>
 *   <li>a <b>checkpoint's</b> version is {@code $checkpoint.__version}; its handler sees the checkpoint's own keys.</li>
 * </ul>
 * Data newer than the code fails with an {@code UnsupportedVersionException} naming the key and both versions.
 *
 * <h2>Constraints</h2>
 * Checked at compile time by the Connector Kit annotation processor, one error per broken rule:
 * <ul>
 *   <li>{@link #value()} is at least 1.</li>
 *   <li>{@link #migrationHandler()} is {@link MigrationHandler} itself (no migration) or a public, non-abstract
 *       class with a public no-argument constructor.</li>
 *   <li>It is placed on a class (an {@code @Emitter}, a {@code @Checkpoint} or a configuration class), not on an
 *       interface, enum or annotation.</li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Version {

    /** The current version, 1 or more. */
    int value() default 1;

    /** Upgrades data of an older version; {@code MigrationHandler.class} means keys are kept as they are. */
    Class<? extends MigrationHandler> migrationHandler() default MigrationHandler.class;
}
