package io.connectorkit.api.input.checkpoint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the emitter method that says whether the current state is a safe point for a checkpoint.
 *
 * <p>Called by the runtime, on the host's thread, after a record was produced and once the checkpoint interval
 * has passed; the runtime then calls the {@link CheckpointData} method when this returns {@code true}.
 *
 * <h2>Constraints</h2>
 * Checked at compile time by the Connector Kit annotation processor, one error per broken rule:
 * <ul>
 *   <li>The emitter also has a {@link CheckpointData} method.</li>
 *   <li>At most one method per emitter carries this annotation.</li>
 *   <li>It is public, non-static and takes no parameters.</li>
 *   <li>It returns {@code boolean} or {@code Boolean} (a {@code null} result means "not a safe point").</li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CheckpointAvailable {
}
