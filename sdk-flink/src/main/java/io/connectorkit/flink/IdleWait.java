package io.connectorkit.flink;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The wait after an infinite input said it has nothing now, as a future Flink's task waits on (its mailbox still runs
 * checkpoints, their completions and cancellation meanwhile): 1 ms after the first idle call, doubling up to 100 ms
 * while the input stays idle, back to 1 ms after a record. So an idle reader neither spins nor waits long for the
 * first record of a burst; the same pauses as the runner's.
 *
 * <p>Not thread-safe: used on the reader's (the task's) thread only.
 */
final class IdleWait {

    static final long LONGEST_MILLIS = 100;

    private long nextMillis = 1;

    /** A record came: the next wait is short again. */
    void reset() {
        nextMillis = 1;
    }

    /** A future completed once the next wait has passed; each call doubles the wait after it, up to the longest. */
    CompletableFuture<Void> start() {
        long millis = nextMillis;
        nextMillis = Math.min(nextMillis * 2, LONGEST_MILLIS);
        return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS));
    }

    /** The wait the next {@link #start()} makes, in milliseconds. */
    long nextMillis() {
        return nextMillis;
    }
}
