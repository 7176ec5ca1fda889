package io.connectorkit.api.input;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a <em>partitioned</em> input component: a mapper that can be assessed, split into narrower
 * mappers (the splits, read in parallel by a host), and that creates the worker reading one split.
 *
 * <p>A mapper is configured like an {@link Emitter}: one public constructor taking {@code @Option}s and services.
 * Its configuration reaches the {@code @Checkpoint} option, if any, exactly as an emitter's does. Its methods:
 * <ul>
 *   <li>{@link Assessor} (optional): the estimated size of what it reads, in the unit of {@link PartitionSize};</li>
 *   <li>{@link Split}: the narrower mappers, each reading a disjoint part; together they read everything this one
 *       reads;</li>
 *   <li>{@link SplitId} (optional): the id of one split; without it, the runtime derives one from the split's
 *       configuration;</li>
 *   <li>an {@link Emitter}-annotated factory method: the worker that reads this mapper's part, an ordinary
 *       checkpointing emitter without a family or name of its own.</li>
 * </ul>
 * The runtime reads a split's configuration back through the mapper's getters, so a split is fully described by its
 * configuration (no Java serialization); the same configuration must always give the same splits, in the same order.
 * A host makes the plan once: a resume never calls {@code split} again.
 *
 * <p>Every call is made on a new mapper instance built from the configuration, on the host's thread; a mapper has no
 * lifecycle methods (in this release): what {@link Assessor} or {@link Split} opens, it closes before returning.
 *
 * <h2>Constraints</h2>
 * Checked at compile time by the Connector Kit annotation processor, one error per broken rule:
 * <ul>
 *   <li>{@link #family()} and {@link #name()} are not blank, and no other component of the compilation (emitter or
 *       mapper) has the same family and name.</li>
 *   <li>The class is public, not abstract, without type parameters, and top-level or static nested, with exactly one
 *       public constructor whose parameters are {@code @Option}s or injectable services, as for an emitter.</li>
 *   <li>Each {@code @Option} constructor parameter can be read back: the class has a public getter for it, named
 *       after the option ({@code getConfiguration()}, or {@code isX()} for a {@code boolean}), returning the
 *       parameter's type.</li>
 *   <li>It has exactly one {@link Split} method and exactly one {@link Emitter} factory method, at most one
 *       {@link Assessor} and at most one {@link SplitId}.</li>
 *   <li>It has no {@link Producer}, checkpoint or lifecycle ({@code @PostConstruct}, {@code @PreDestroy}) methods:
 *       those belong to the worker.</li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PartitionMapper {

    /** The component family, for example {@code "file"}. */
    String family();

    /** The component name within its family, for example {@code "folder-input"}. */
    String name();
}
