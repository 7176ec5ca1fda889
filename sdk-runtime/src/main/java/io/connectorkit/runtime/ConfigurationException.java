package io.connectorkit.runtime;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration map cannot be bound to a component: every problem found is listed, each naming the key, what was
 * expected and what was received (never the value of a {@code @Credential} option).
 */
public class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String componentId;
    private final List<Problem> problems;

    /**
     * @param componentId {@code family/name}
     * @param problems at least one problem
     */
    public ConfigurationException(String componentId, List<Problem> problems) {
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

    private static String describe(String componentId, List<Problem> problems) {
        String header = "invalid configuration for " + componentId + " (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "):";
        return problems.stream().map(p -> "\n  - " + p).collect(Collectors.joining("", header, ""));
    }

    /**
     * One problem with one key.
     *
     * @param key the configuration key, for example {@code configuration.checkpoint.sinceId}
     * @param expected what the key needs, for example {@code an int}
     * @param received what it got, already quoted or hidden, for example {@code 'abc'}
     */
    public record Problem(String key, String expected, String received) {

        @Override
        public String toString() {
            return key + ": expected " + expected + ", received " + received;
        }
    }
}
