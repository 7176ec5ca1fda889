package io.connectorkit.runtime;

/**
 * A connector failed: its constructor, a lifecycle method, its producer or a checkpoint method threw. The message
 * and the cause chain name the component and never contain the values of its {@code @Credential} options. Thrown by
 * {@link Mapper#create()}, the methods of {@link Input}, and {@link ComponentManager#findMapper} when a migration
 * handler fails.
 *
 * <p><b>API</b>: hosts catch it; immutable once thrown, so it may be handed to another thread. Connector code may
 * throw one too (letting through the failure of an input it drives, say): the runtime passes it on as it is when it
 * holds none of the component's secrets, and wraps a scrubbed copy otherwise.
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
