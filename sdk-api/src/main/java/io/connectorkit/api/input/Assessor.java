package io.connectorkit.api.input;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method of a {@link PartitionMapper} that estimates the size of what it reads (bytes, rows...: the unit
 * its {@link Split} method reads {@link PartitionSize} in). A host divides it by the parallelism it wants to choose
 * the desired size of a split. Called by the runtime on a new mapper instance, on the host's thread; an estimate,
 * never a promise.
 *
 * <h2>Constraints</h2>
 * Checked at compile time by the Connector Kit annotation processor, one error per broken rule:
 * <ul>
 *   <li>It is on a method of a {@link PartitionMapper} class, which has at most one.</li>
 *   <li>It is public, non-static, takes no parameters and returns {@code long} or {@code int}.</li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Assessor {
}
