package io.connectorkit.runner;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * What SIGTERM and SIGINT (Ctrl-C) do to {@code run}: the first asks the job to stop cleanly, a second one, or a stop
 * that outlasts its grace period, halts the process at once.
 *
 * <p>While a job runs (between {@link #begin} and {@link #end}), the first signal only sets a flag that the record
 * loop reads once per record ({@link #isRequested()}): the loop then ends as if the input were exhausted, so that
 * the input's {@code stop()} delivers the final checkpoint and the output saves it. A second signal halts with
 * 128 + its number (130 for SIGINT, 143 for SIGTERM), and so does the first one's number once the grace period has
 * passed; the final checkpoint is then not saved. Outside a job (parsing the command line, opening the store, the
 * {@code checkpoint} commands) a signal halts at once, as the JVM's own handler would: there is nothing to save.
 *
 * <p>Each signal is handled on a thread of its own; every method is thread-safe.
 */
final class StopRequest {

    private enum State { IDLE, RUNNING, STOPPING, HALTING, DONE }

    private final IntConsumer halt;
    private final BiConsumer<Duration, Runnable> timer;
    private final CountDownLatch requested = new CountDownLatch(1);
    /** Read once per record: kept apart from the state, which is guarded by this object's lock. */
    private volatile boolean stopRequested;

    private State state = State.IDLE;
    private Duration grace;
    private Consumer<String> messages;
    private String signal;
    private int signalNumber;

    /** Halts the process with {@link Runtime#halt}; the grace period runs on a daemon thread. */
    StopRequest() {
        this(Runtime.getRuntime()::halt, StopRequest::runLater);
    }

    /**
     * @param halt ends the process at once with the given status; does not return outside tests
     * @param timer runs a task once a delay has passed
     */
    StopRequest(IntConsumer halt, BiConsumer<Duration, Runnable> timer) {
        this.halt = halt;
        this.timer = timer;
    }

    /**
     * A job starts: signals stop it cleanly from now on.
     *
     * @param grace how long a clean stop may take after the first signal
     * @param messages prints one line on standard error
     */
    synchronized void begin(Duration grace, Consumer<String> messages) {
        if (state != State.IDLE) {
            throw new IllegalStateException("a stop request serves one job, this one is " + state);
        }
        this.grace = Objects.requireNonNull(grace, "grace");
        this.messages = Objects.requireNonNull(messages, "messages");
        state = State.RUNNING;
    }

    /** Whether a signal asked the job to stop: one volatile read, for the record loop. */
    boolean isRequested() {
        return stopRequested;
    }

    /**
     * Waits up to {@code timeout} for a stop request; for the pause between two attempts.
     *
     * @return whether a stop was requested
     */
    boolean await(Duration timeout) throws InterruptedException {
        return requested.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The signal that asked to stop, such as {@code "SIGTERM"}; {@code null} when none did. */
    synchronized String signal() {
        return signal;
    }

    /**
     * The job is over (stopped, finished or failed) and its output and store are closed: later signals are ignored,
     * since the process is about to exit. If a halt has begun, this never returns, as the process is going.
     */
    synchronized void end() {
        if (state == State.RUNNING || state == State.STOPPING) {
            state = State.DONE;
        }
    }

    /**
     * A signal was received.
     *
     * @param name its name, such as {@code "SIGTERM"}
     * @param number its number, such as 15
     */
    synchronized void signalled(String name, int number) {
        switch (state) {
            case IDLE -> halt.accept(128 + number);
            case RUNNING -> {
                state = State.STOPPING;
                signal = name;
                signalNumber = number;
                stopRequested = true;
                requested.countDown();
                messages.accept("connectorkit: " + name + ": stopping after the current record and saving the final "
                        + "checkpoint; a second signal, or " + grace.toMillis() + " ms (--stop-grace-ms), exits at once "
                        + "without it");
                timer.accept(grace, this::graceExpired);
            }
            case STOPPING -> haltNow(name + " during the stop", number);
            case HALTING, DONE -> {
                // Halting already, or the job is over and the process exits anyway.
            }
            default -> throw new IllegalStateException(String.valueOf(state));
        }
    }

    private synchronized void graceExpired() {
        if (state == State.STOPPING) {
            haltNow(signal + ": the stop took longer than --stop-grace-ms " + grace.toMillis(), signalNumber);
        }
    }

    private void haltNow(String why, int number) {
        state = State.HALTING;
        messages.accept("connectorkit: " + why + ": exiting at once with code " + (128 + number)
                + "; no final checkpoint was saved (a new run resumes from the last one saved)");
        halt.accept(128 + number);
    }

    private static void runLater(Duration delay, Runnable task) {
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            task.run();
        }, "stop-grace-period");
        thread.setDaemon(true);
        thread.start();
    }
}
