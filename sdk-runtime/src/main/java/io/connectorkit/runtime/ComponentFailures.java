package io.connectorkit.runtime;

import io.connectorkit.api.spi.CheckedCallException;

/**
 * Turns what a connector's code threw into the {@link ComponentException} a host sees: named after the component
 * and the method, with the connector's own exception as cause (a checked one unwrapped from the generated call's
 * {@link CheckedCallException}), and free of the component's secrets.
 */
final class ComponentFailures {

    private final String componentId;
    private final SecretScrubber scrubber;

    ComponentFailures(String componentId, SecretScrubber scrubber) {
        this.componentId = componentId;
        this.scrubber = scrubber;
    }

    /**
     * The exception for {@code thrown}, raised while calling {@code what} (for example {@code "@Producer next()"}).
     * An {@link InterruptedException} sets the thread's interrupt flag again, as whoever catches it would have.
     */
    ComponentException failure(String what, RuntimeException thrown) {
        Throwable cause = unwrap(thrown);
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        if (cause instanceof ComponentException component && scrubber.scrub(component) == component) {
            return component; // ours, already named and scrubbed (or a connector's own, holding no secret)
        }
        return new ComponentException(componentId, what + " failed: " + describe(cause), scrubber.scrub(cause));
    }

    /** The connector's exception: the checked one a generated call carried out, or {@code thrown} itself. */
    static Throwable unwrap(RuntimeException thrown) {
        return thrown instanceof CheckedCallException && thrown.getCause() != null ? thrown.getCause() : thrown;
    }

    /** The cause's message, masked; its type when it has none. */
    private String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null ? cause.getClass().getName() : scrubber.scrub(message);
    }
}
