package io.connectorkit.runner;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The child runner JVMs of one test: each one {@link #track}ed is killed by {@link #close()} (from an
 * {@code @AfterEach}) if still alive, and a test waits for one to get somewhere with {@link #await}, a condition
 * polled against a deadline, never a sleep taken as a fact.
 */
final class ChildRunners implements AutoCloseable {

    /** The check that is true once the child got there. */
    interface Condition {
        boolean holds() throws IOException;
    }

    private final List<Process> children = new ArrayList<>();

    /** {@code child}, killed at the end of the test if it is still running. */
    Process track(Process child) {
        children.add(child);
        return child;
    }

    /**
     * Polls until {@code condition} holds; fails, with the child's standard error, if the child exits first or it
     * takes more than a minute.
     */
    static void await(Process child, Condition condition, String what, Supplier<String> err) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!condition.holds()) {
            assertTrue(child.isAlive(), () -> "the runner exited (" + child.exitValue() + ") before: " + what + "\n"
                    + err.get());
            assertTrue(System.nanoTime() < deadline, () -> "not within a minute: " + what + "\n" + err.get());
            Thread.sleep(5);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
