package io.connectorkit.api.input;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method of an {@link Emitter} that returns the next record, or {@code null} when there are no more.
 *
 * <p>Called by the runtime on every {@code Input.next()}, on the host's thread. When checkpointing is on, the
 * state returned by the emitter's {@code @CheckpointData} method must cover every record this method has returned
 * so far: the runtime only hands a checkpoint to the host after the host received the last of those records.
 *
 * <h2>Constraints</h2>
 * Checked at compile time by the Connector Kit annotation processor, one error per broken rule:
 * <ul>
 *   <li>Exactly one method per emitter carries this annotation.</li>
 *   <li>It is public, non-static, takes no parameters and returns neither {@code void} nor a primitive.</li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Producer {
}
