package io.connectorkit.runtime;

import java.util.List;

/**
 * A saved {@link SplitPlan} does not belong to the configuration a host resumes with: another component, another
 * configuration version, or keys added, removed or changed since the plan was made. A resume never splits again, so
 * it cannot follow the new configuration; the message says what changed and how to start over. Thrown by
 * {@link SplitPlan#checkAgainst}.
 *
 * <p><b>API</b>: hosts catch it. Thrown by the runtime only (its constructor is internal); immutable once thrown.
 * Values shown are never a {@code @Credential}'s: a plan holds none.
 */
public final class SplitPlanMismatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String componentId;
    private final List<Change> changes;

    SplitPlanMismatchException(String componentId, String message, List<Change> changes) {
        super(message);
        this.componentId = componentId;
        this.changes = List.copyOf(changes);
    }

    /** The component of the configuration resumed with, as {@code family/name}. */
    public String componentId() {
        return componentId;
    }

    /** What differs, key by key, sorted by key; empty when the component or version differs instead. */
    public List<Change> changes() {
        return changes;
    }

    /**
     * One configuration key that differs. <b>API</b>: an immutable value.
     *
     * @param key the configuration key
     * @param planned its value when the plan was made, or {@code null} when the key was added since
     * @param current its value now, or {@code null} when the key was removed since
     */
    public record Change(String key, String planned, String current) {

        /** {@code changed key ('a' -> 'b')}, {@code added key ('b')} or {@code removed key (was 'a')}. */
        @Override
        public String toString() {
            String shownKey = Printable.of(key, ConfigurationException.MAX_SHOWN);
            if (planned == null) {
                return "added " + shownKey + " ('" + Printable.of(current, ConfigurationException.MAX_SHOWN) + "')";
            }
            if (current == null) {
                return "removed " + shownKey + " (was '" + Printable.of(planned, ConfigurationException.MAX_SHOWN)
                        + "')";
            }
            return "changed " + shownKey + " ('" + Printable.of(planned, ConfigurationException.MAX_SHOWN) + "' -> '"
                    + Printable.of(current, ConfigurationException.MAX_SHOWN) + "')";
        }
    }
}
