package io.connectorkit.flink;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The wait after an infinite input said it has nothing now, as a future Flink's task waits on (its mailbox still runs
 * checkpoints, their completions and cancellation meanwhile): 1 ms after the first idle call, doubling up to 100 ms
 * while the input stays idle, back to 1 ms after a record. So an idle reader neither spins nor waits long for the
 * first record of a burst; the same pauses as the runner's.
 *
 * <p>The futures are completed by one daemon thread of this wait's own, made at the first wait (a bounded input never
 * makes it) and ended by {@link #close()}: not the JDK's shared pool, which on a machine of two cores or fewer starts a
 * thread per task, and whose timer thread would outlive the job and keep its class loader.
 *
 * <p>Not thread-safe: used on the reader's (the task's) thread only.
 */
final class IdleWait implements AutoCloseable {

    static final long LONGEST_MILLIS = 100;

    private final String threadName;
    private long nextMillis = 1;
    private ScheduledExecutorService timer;

    /** @param threadName the name of the thread that ends the waits, as thread dumps show it */
    IdleWait(String threadName) {
        this.threadName = threadName;
    }

    /** A record came: the next wait is short again. */
    void reset() {
        nextMillis = 1;
    }

    /** A future completed once the next wait has passed; each call doubles the wait after it, up to the longest. */
    CompletableFuture<Void> start() {
        if (timer == null) {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, threadName);
                thread.setDaemon(true);
                thread.setContextClassLoader(null); // holds no class loader of the job's
                return thread;
            });
            executor.setRemoveOnCancelPolicy(true);
            timer = executor;
        }
        long millis = nextMillis;
        nextMillis = Math.min(nextMillis * 2, LONGEST_MILLIS);
        CompletableFuture<Void> waited = new CompletableFuture<>();
        timer.schedule(() -> waited.complete(null), millis, TimeUnit.MILLISECONDS);
        return waited;
    }

    /** The wait the next {@link #start()} makes, in milliseconds. */
    long nextMillis() {
        return nextMillis;
    }

    /** Ends the thread, if there is one; a wait under way is never completed. */
    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
