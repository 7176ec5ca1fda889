package io.connectorkit.store;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a JDBC store's heartbeat: one daemon thread, started at the first {@link #start()}, that runs the beat every
 * interval until {@link #close()}. The beat refreshes the store's claims (so that a live writer that saves rarely never
 * looks stale) and finds a claim another writer took over. A beat that throws is logged and the next one runs.
 */
final class ClaimHeartbeat implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(JdbcCheckpointStore.class.getName());

    private final String name;
    private final Duration every;
    private final Runnable beat;
    private ScheduledExecutorService executor;
    private boolean closed;

    /**
     * @param name the store, for the thread's name and messages
     * @param every the time between the end of a beat and the start of the next
     */
    ClaimHeartbeat(String name, Duration every, Runnable beat) {
        this.name = name;
        this.every = every;
        this.beat = beat;
    }

    /** Starts the thread if it is not running yet; does nothing once closed. */
    synchronized void start() {
        if (executor != null || closed) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "claim-heartbeat " + name);
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, every.toMillis());
        executor.scheduleWithFixedDelay(this::beatSafely, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void beatSafely() {
        try {
            beat.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, name + ": a heartbeat of the writer claims failed: " + e);
        }
    }

    /** Stops the thread, waiting (a bounded time) for a beat in progress to end. Idempotent. */
    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            closed = true;
            running = executor;
        }
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            if (!running.awaitTermination(30, TimeUnit.SECONDS)) {
                running.shutdownNow();
            }
        } catch (InterruptedException e) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
