package io.connectorkit.runtime;

/**
 * Two component indexes on the class path declare the same {@code family/name} (the same connector in two jars, or
 * two connectors that chose one name), so the runtime cannot tell which one is meant. The message names the
 * component, both classes and the index (and jar) of each.
 */
public class AmbiguousComponentException extends ComponentIndexException {

    private static final long serialVersionUID = 1L;

    /** @param message names the component, both classes and both indexes with their jars */
    public AmbiguousComponentException(String message) {
        super(message, null);
    }
}
