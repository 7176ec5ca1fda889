package io.connectorkit.api.component;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the version of an emitter's configuration (on the {@code @Emitter} class) or of a checkpoint state (on
 * the {@code @Checkpoint} class), and the handler that upgrades older versions.
 *
 * <p>Without this annotation the version is 1. A checkpoint carries its version as {@code __version}; when it is
 * lower than {@link #value()}, the runtime calls {@link #migrationHandler()} with the checkpoint's own keys before
 * binding; when it is higher, resuming fails with an error naming both versions.
 *
 * <h2>Constraints</h2>
 * Checked at compile time by the Connector Kit annotation processor, one error per broken rule:
 * <ul>
 *   <li>{@link #value()} is at least 1.</li>
 *   <li>{@link #migrationHandler()} is {@link MigrationHandler} itself (no migration) or a public, non-abstract
 *       class with a public no-argument constructor.</li>
 *   <li>It is placed on an {@code @Emitter} or a {@code @Checkpoint} class.</li>
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
