package io.connectorkit.runtime;

import java.util.ArrayList;
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
        // A loop, not a stream: this runs on every start, and a stream's lambdas would bootstrap java.lang.invoke.
        List<String> longestFirst = new ArrayList<>();
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                int at = 0;
                while (at < longestFirst.size() && longestFirst.get(at).length() >= secret.length()) {
                    at++;
                }
                longestFirst.add(at, secret);
            }
        }
        this.secrets = List.copyOf(longestFirst);
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
