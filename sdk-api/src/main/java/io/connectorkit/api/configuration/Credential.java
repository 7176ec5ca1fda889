package io.connectorkit.api.configuration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@link Option} as a secret (a password, a token).
 *
 * <p>The runtime never writes its value into a checkpoint, a log line or an exception message: binding errors
 * name the key but hide the value, and connector exceptions are scrubbed of it before they reach the host.
 *
 * <h2>Constraints</h2>
 * Checked at compile time by the Connector Kit annotation processor, one error per broken rule:
 * <ul>
 *   <li>It is used together with {@link Option}.</li>
 *   <li>The option is of type {@code String}.</li>
 * </ul>
 *
 * <p>A {@code @Checkpoint} class must not contain a credential; that rule is listed with
 * {@code io.connectorkit.api.input.checkpoint.Checkpoint}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface Credential {
}
