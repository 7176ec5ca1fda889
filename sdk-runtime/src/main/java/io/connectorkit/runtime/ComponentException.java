package io.connectorkit.runtime;

/**
 * A connector failed: its constructor, a lifecycle method, its producer or a checkpoint method threw. The message
 * and the cause chain name the component and never contain the values of its {@code @Credential} options.
 */
public class ComponentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String componentId;

    /**
     * @param componentId {@code family/name}
     * @param message what failed, already free of secrets
     * @param cause the connector's exception, already scrubbed of secrets, or {@code null}
     */
    public ComponentException(String componentId, String message, Throwable cause) {
        super(componentId + ": " + message, cause);
        this.componentId = componentId;
    }

    /** The failing component, as {@code family/name}. */
    public String componentId() {
        return componentId;
    }
}
