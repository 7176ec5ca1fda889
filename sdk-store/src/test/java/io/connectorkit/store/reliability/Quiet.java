package io.connectorkit.store.reliability;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a body with the runtime's warnings switched off and restores the level after: corrupt files and failed saves
 * are logged by design, and thousands of generated cases would drown the build log. Restored at once, so the other
 * tests of this JVM that assert warnings still see them.
 */
final class Quiet {

    private static final Logger RUNTIME = Logger.getLogger("io.connectorkit.runtime");

    private Quiet() {
    }

    interface Body<E extends Exception> {
        void run() throws E;
    }

    static synchronized <E extends Exception> void run(Body<E> body) throws E {
        Level previous = RUNTIME.getLevel();
        RUNTIME.setLevel(Level.SEVERE);
        try {
            body.run();
        } finally {
            RUNTIME.setLevel(previous);
        }
    }
}
