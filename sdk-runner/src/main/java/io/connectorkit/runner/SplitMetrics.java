package io.connectorkit.runner;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The counters of one split of a partitioned job: records read by its reading thread, its last durable checkpoint,
 * whether it finished. The job's {@link RunnerMetrics} sums them.
 */
final class SplitMetrics {

    private final String id;
    private final AtomicLong records = new AtomicLong();
    private volatile long lastSavedGeneration;
    private volatile boolean finished;

    SplitMetrics(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    /** One record read; called on the record path by the split's one reading thread. */
    void recordRead() {
        records.lazySet(records.get() + 1);
    }

    /** The records this split read in this run. */
    long records() {
        return records.get();
    }

    void checkpointSaved(long generation) {
        lastSavedGeneration = generation;
    }

    /** The split's last durable generation in this run, 0 when none. */
    long lastSavedGeneration() {
        return lastSavedGeneration;
    }

    void finished() {
        finished = true;
    }

    boolean isFinished() {
        return finished;
    }
}
