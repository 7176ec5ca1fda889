package io.connectorkit.api.input.checkpoint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the emitter (or worker) method that the runtime calls with a checkpoint once the host has made it durable:
 * where a source acknowledges what it no longer needs to keep (a queue's ack, a replication slot's flushed position,
 * a file moved to {@code done/}).
 *
 * <p>It is called with a copy of the {@link Checkpoint} state, bound back from the checkpoint the host saved, only
 * after the host reported that checkpoint durable ({@code Input.checkpointCommitted}): never earlier, never for a
 * checkpoint that was not saved, never for one older than a checkpoint already committed. A host may skip
 * checkpoints (a writer that coalesces saves commits only the newest): the state received covers every record up to
 * it, so acknowledge everything it covers. It runs on a host thread, never at the same time as the other methods,
 * and may come after the input stopped (after {@code @PreDestroy}), for the final checkpoint, which a host can only
 * save once {@code stop()} delivered it: an acknowledgement must not need what {@code @PreDestroy} closed, or must
 * reopen it. An exception it throws reaches the host, which decides whether to retry; the checkpoint stays durable.
 *
 * <h2>Constraints</h2>
 * Checked at compile time by the Connector Kit annotation processor, one error per broken rule:
 * <ul>
 *   <li>The emitter (or worker) also has a {@link CheckpointData} method.</li>
 *   <li>At most one method per emitter (or worker) carries this annotation.</li>
 *   <li>It is public, non-static and returns {@code void}.</li>
 *   <li>It takes exactly one parameter, of the type the {@link CheckpointData} method returns.</li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CheckpointCommitted {
}
