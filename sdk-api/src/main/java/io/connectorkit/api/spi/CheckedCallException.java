package io.connectorkit.api.spi;

/**
 * Carries a checked exception that a connector method declares (a constructor, {@code @PostConstruct},
 * {@code @Producer}, a checkpoint method, {@code @PreDestroy}, an option accessor) out of the generated call, whose
 * {@code java.util.function} type cannot throw it. The runtime unwraps it at once: hosts see a
 * {@code ComponentException} whose cause is the connector's own exception, never this class.
 */
public final class CheckedCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param method the connector method that threw, as {@code Type.method}: the message, and nothing else (the
     *     cause's text may hold a secret the runtime scrubs)
     * @param cause the checked exception it threw
     */
    public CheckedCallException(String method, Throwable cause) {
        super(method, cause, false, false);
    }

    /** The connector method that threw, as {@code Type.method}. */
    public String method() {
        return getMessage();
    }
}
