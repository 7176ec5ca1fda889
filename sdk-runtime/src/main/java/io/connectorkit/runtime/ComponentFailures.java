package io.connectorkit.runtime;

import io.connectorkit.api.spi.CheckedCallException;
import java.util.Set;

/**
 * Turns what a connector's code threw into the {@link ComponentException} a host sees: named after the component
 * and the method, with the connector's own exception as cause (a checked one unwrapped from the generated call's
 * {@link CheckedCallException}), and free of the component's secrets. One per input, used by the thread driving it.
 *
 * <p>The {@link SecretScrubber} is made at the first failure: an input that never fails never loads it (every class a
 * start-up loads from a jar costs it a fraction of a millisecond).
 */
final class ComponentFailures {

    private final String componentId;
    private final Set<String> secrets;
    private SecretScrubber scrubber;

    /** @param secrets the values of the component's {@code @Credential} options */
    ComponentFailures(String componentId, Set<String> secrets) {
        this.componentId = componentId;
        this.secrets = secrets;
    }

    private SecretScrubber scrubber() {
        if (scrubber == null) {
            scrubber = new SecretScrubber(secrets);
        }
        return scrubber;
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
        SecretScrubber scrubber = scrubber();
        if (cause instanceof ComponentException component && scrubber.scrub(component) == component) {
            return component; // ours, already named and scrubbed (or a connector's own, holding no secret)
        }
        return new ComponentException(componentId, what + " failed: " + describe(cause, scrubber),
                scrubber.scrub(cause));
    }

    /** The connector's exception: the checked one a generated call carried out, or {@code thrown} itself. */
    static Throwable unwrap(RuntimeException thrown) {
        return thrown instanceof CheckedCallException && thrown.getCause() != null ? thrown.getCause() : thrown;
    }

    /** The cause's message, masked; its type when it has none. */
    private static String describe(Throwable cause, SecretScrubber scrubber) {
        String message = cause.getMessage();
        return message == null ? cause.getClass().getName() : scrubber.scrub(message);
    }
}
