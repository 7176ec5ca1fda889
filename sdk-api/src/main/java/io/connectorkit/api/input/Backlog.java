package io.connectorkit.api.input;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the emitter (or worker) method that tells the host how far the source is ahead of what this input has made
 * safe: for a change feed, the server's current position minus the position of the last durable checkpoint; for a
 * queue, the messages not acknowledged yet. A host shows it as progress and as a metric (the runner's
 * {@code connectorkit_input_backlog}); it is never used to decide what to read or save.
 *
 * <p>Called by the host on its reading thread, never at the same time as the other methods, every second or so
 * while the input runs (between records and while it is idle), never before {@code @PostConstruct} or after
 * {@code @PreDestroy}. It should be cheap (answer from what the input already knows, such as the last keepalive's
 * position) and return a negative number when it does not know yet. An exception it throws fails the input as a
 * {@link Producer}'s would.
 *
 * <h2>Constraints</h2>
 * Checked at compile time by the Connector Kit annotation processor, one error per broken rule:
 * <ul>
 *   <li>At most one method per emitter (or worker) carries this annotation.</li>
 *   <li>It is public, non-static, takes no parameters and returns {@code long}.</li>
 *   <li>{@link #unit()} is not blank.</li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Backlog {

    /** What the backlog counts, shown next to it: {@code "records"}, {@code "bytes"} (of WAL, say), ... */
    String unit() default "records";
}
