package io.connectorkit.runner.jaronly;

/**
 * A connector the runner finds only through {@code --jar}: {@link JarOnlyIndex} is not registered on the test class
 * path, only in the jar {@link JarOnlyJar} writes. Emits {@code {"id": n}} for {@code n = next … total-1}.
 */
public class JarOnlyInput {

    /** Its checkpoint: the next id. */
    public static class State {
        public long next;
    }

    /** Its configuration, with a credential that has a default (which must never be shown). */
    public static class Config {
        public int total = 3;
        public String token = JarOnlyJar.TOKEN_DEFAULT;
        public State state = new State();
    }

    private final Config config;

    public JarOnlyInput(Config config) {
        this.config = config;
    }

    public Object produce() {
        return config.state.next < config.total ? java.util.Map.of("id", config.state.next++) : null;
    }

    public State checkpoint() {
        return config.state;
    }
}
