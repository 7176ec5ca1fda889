package io.connectorkit.api.input.checkpoint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the emitter method that returns its current checkpoint state.
 *
 * <p>Called by the runtime, on the host's thread, between two {@code @Producer} calls: the state it returns must
 * cover every record produced so far. The runtime copies the returned object into an immutable snapshot at once, so
 * the emitter may keep mutating it. Without a {@link CheckpointAvailable} method, every record is a safe point.
 *
 * <h2>Constraints</h2>
 * Checked at compile time by the Connector Kit annotation processor, one error per broken rule:
 * <ul>
 *   <li>At most one method per emitter carries this annotation.</li>
 *   <li>It is public, non-static and takes no parameters.</li>
 *   <li>Its declared return type is a {@link Checkpoint} class.</li>
 *   <li>Its emitter's constructor {@code @Option} parameters reach exactly one {@link Checkpoint} option, at any
 *       depth (the parameter itself, or a field of a configuration class of a configuration class...).</li>
 *   <li>That option's type is the type this method returns.</li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CheckpointData {
}
