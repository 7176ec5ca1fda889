package io.connectorkit.api.input;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method of a {@link PartitionMapper} that returns the id of the split it is: a name a human recognises
 * (a file name, a table partition), stable for the same configuration. Called by the runtime on each mapper a
 * {@link Split} method returned, on the host's thread. Without it, a split's id is derived from its configuration:
 * {@code s-} and 16 hexadecimal digits of a SHA-256 of its keys and values, sorted (without the checkpoint's and the
 * credentials').
 *
 * <p>At run time the ids of one plan must be unique and valid store ids (1 to 128 characters of
 * {@code [A-Za-z0-9._-]}, not {@code .} or {@code ..}): a host keeps each split's checkpoints under its id. An id
 * that breaks a rule fails the split, naming the component, the id and the rule.
 *
 * <h2>Constraints</h2>
 * Checked at compile time by the Connector Kit annotation processor, one error per broken rule:
 * <ul>
 *   <li>It is on a method of a {@link PartitionMapper} class, which has at most one.</li>
 *   <li>It is public, non-static, takes no parameters and returns {@code String}.</li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SplitId {
}
