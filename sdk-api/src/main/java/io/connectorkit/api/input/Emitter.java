package io.connectorkit.api.input;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as an input component: a source of records that the runtime drives through
 * {@code start → next… → stop}.
 *
 * <p>The runtime creates one instance per {@code Input}, calls its {@code @PostConstruct} methods on
 * {@code start()}, its {@link Producer} method on every {@code next()}, and its {@code @PreDestroy} methods
 * on {@code stop()}. All calls happen on the host's thread, one at a time.
 *
 * <h2>Constraints</h2>
 * <ul>
 *   <li>{@link #family()} and {@link #name()} are not blank, and no other emitter in the same compilation has the
 *       same family and name.</li>
 *   <li>The class is public, top-level or static nested, and not abstract.</li>
 *   <li>It has exactly one public constructor; each of its parameters is an {@code @Option} or an injectable
 *       service ({@code jakarta.json.JsonBuilderFactory}, {@code jakarta.json.bind.Jsonb}).</li>
 *   <li>It has exactly one {@link Producer} method.</li>
 *   <li>{@code @PostConstruct} and {@code @PreDestroy} methods are public, non-static and take no parameters.</li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Emitter {

    /** The component family, for example {@code "checkpoint"}. */
    String family();

    /** The component name within its family, for example {@code "list-input"}. */
    String name();
}
