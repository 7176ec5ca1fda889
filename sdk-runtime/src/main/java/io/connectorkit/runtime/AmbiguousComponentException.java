package io.connectorkit.runtime;

/**
 * Two component indexes on the class path declare the same {@code family/name} (the same connector in two jars, or
 * two connectors that chose one name), so the runtime cannot tell which one is meant. The message names the
 * component, both classes and the index (and jar) of each. Thrown by {@link ComponentManager#findMapper} for that
 * component (and listed by {@link ComponentManager#indexProblems()}).
 *
 * <p><b>API</b>: hosts catch it. Thrown by the runtime only (its constructor is internal); immutable once thrown, so
 * it may be handed to another thread.
 */
public final class AmbiguousComponentException extends ComponentIndexException {

    private static final long serialVersionUID = 1L;

    /** @param message names the component, both classes and both indexes with their jars */
    AmbiguousComponentException(String message) {
        super(message, null);
    }
}
