package io.connectorkit.runtime;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration map cannot be bound to a component: every problem found is in {@link #problems()}, each naming the
 * key, what was expected and what was received (never the value of a {@code @Credential} option). The message lists
 * the first {@value #LISTED} and counts the others, with keys and values made printable: a line break or a control
 * character in a key cannot forge a line of the message, a long key is cut. Thrown by
 * {@link ComponentManager#findMapper}, {@link Mapper#create()} and {@link ComponentManager#checkCheckpoint}.
 *
 * <p><b>API</b>: hosts catch it. Thrown by the runtime only (its constructor is internal); immutable once thrown, so
 * it may be handed to another thread.
 */
public final class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    /** The problems a message lists; the others are counted. */
    static final int LISTED = 20;
    /** The characters of a key or value a message shows. */
    static final int MAX_SHOWN = 200;

    private final String componentId;
    private final List<Problem> problems;

    /**
     * @param componentId {@code family/name}
     * @param problems at least one problem
     */
    ConfigurationException(String componentId, List<Problem> problems) {
        super(describe(componentId, problems));
        this.componentId = componentId;
        this.problems = List.copyOf(problems);
    }

    /** The component, as {@code family/name}. */
    public String componentId() {
        return componentId;
    }

    /** Every problem found, in key order. */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * The problems as lines ({@code "\n  - key: expected ..., received ..."}), the first {@value #LISTED} of them and
     * then how many more: thousands of unknown keys make a message of a few lines, not of megabytes.
     */
    public String listing() {
        return listing(problems);
    }

    private static String listing(List<Problem> problems) {
        String listed = problems.stream().limit(LISTED).map(p -> "\n  - " + p).collect(Collectors.joining());
        int more = problems.size() - LISTED;
        return more <= 0 ? listed : listed + "\n  - and " + more + " more " + (more == 1 ? "problem" : "problems")
                + " (" + problems.stream().skip(LISTED).filter(Problem::isUnknownKey).count() + " of them unknown keys)";
    }

    private static String describe(String componentId, List<Problem> problems) {
        return "invalid configuration for " + componentId + " (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "):" + listing(problems);
    }

    /**
     * One problem with one key. <b>API</b>: an immutable value (a host may build one to compare with in a test).
     *
     * @param key the configuration key, for example {@code configuration.checkpoint.sinceId}
     * @param expected what the key needs, for example {@code an int}
     * @param received what it got, already quoted or hidden, for example {@code 'abc'}
     */
    public record Problem(String key, String expected, String received) {

        /** The received value an unknown key is reported with. */
        static final String UNKNOWN_KEY = "an unknown key";

        /**
         * {@code key: expected ..., received ...}, the key and the value made printable: a key with a line break
         * cannot forge a line of the message, a 100,000-character key is cut.
         */
        @Override
        public String toString() {
            return Printable.of(key, MAX_SHOWN) + ": expected " + Printable.of(expected, MAX_SHOWN) + ", received "
                    + Printable.of(received, MAX_SHOWN);
        }

        boolean isUnknownKey() {
            return UNKNOWN_KEY.equals(received);
        }
    }
}
