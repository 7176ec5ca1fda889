package io.connectorkit.store.s3;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Deletes the generations beyond the retention on a daemon thread of the store, so that a save does not wait for
 * its deletes: at least the retention is always kept, older generations may remain for a moment. Deletes run in the
 * order handed over (oldest first). Thread-safe.
 */
final class S3Pruning {

    private final ExecutorService executor;

    S3Pruning(String store) {
        executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "connectorkit-s3-pruning " + store);
            thread.setDaemon(true);
            return thread;
        });
    }

    void submit(Runnable deletes) {
        executor.execute(deletes);
    }

    /** Waits until everything handed over so far is done. */
    void await() {
        Future<?> marker = executor.submit(() -> { });
        try {
            marker.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Finishes what was handed over, then stops the thread. */
    void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
