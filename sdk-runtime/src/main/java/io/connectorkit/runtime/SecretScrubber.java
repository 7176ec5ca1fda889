package io.connectorkit.runtime;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Removes the values of {@code @Credential} options from a connector's exception before it reaches the host: a
 * driver that puts the password in its message must not leak it into a log. The original exception is replaced by
 * a copy with the same type name, message (masked), stack trace, causes and suppressed exceptions.
 */
final class SecretScrubber {

    static final String MASK = "****";

    private final List<String> secrets;

    SecretScrubber(Set<String> secrets) {
        // Longest first, so that a secret containing another is masked whole; empty strings would mask everything.
        // Most components have no credential: no stream for them (one is slow code until the JIT compiles it).
        this.secrets = secrets.isEmpty() ? List.of() : secrets.stream().filter(s -> !s.isEmpty())
                .sorted((a, b) -> Integer.compare(b.length(), a.length())).toList();
    }

    /** {@code text} with every secret masked. */
    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    /** {@code error} itself when no message in its chain holds a secret, otherwise a masked copy of the chain. */
    Throwable scrub(Throwable error) {
        if (error == null || secrets.isEmpty() || !leaks(error, Collections.newSetFromMap(new IdentityHashMap<>()))) {
            return error;
        }
        return copy(error, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private boolean leaks(Throwable error, Set<Throwable> seen) {
        if (error == null || !seen.add(error)) {
            return false;
        }
        String message = error.getMessage();
        if (message != null && !message.equals(scrub(message))) {
            return true;
        }
        for (Throwable suppressed : error.getSuppressed()) {
            if (leaks(suppressed, seen)) {
                return true;
            }
        }
        return leaks(error.getCause(), seen);
    }

    private Throwable copy(Throwable error, Set<Throwable> seen) {
        if (error == null || !seen.add(error)) {
            return null;
        }
        ScrubbedException copy = new ScrubbedException(error.getClass().getName() + ": " + scrub(error.getMessage()),
                copy(error.getCause(), seen));
        copy.setStackTrace(error.getStackTrace());
        for (Throwable suppressed : error.getSuppressed()) {
            Throwable scrubbed = copy(suppressed, seen);
            if (scrubbed != null) {
                copy.addSuppressed(scrubbed);
            }
        }
        return copy;
    }

    /** Stands in for an exception whose message held a secret; its message starts with the original type name. */
    static final class ScrubbedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ScrubbedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
