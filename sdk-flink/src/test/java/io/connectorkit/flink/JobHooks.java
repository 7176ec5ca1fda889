package io.connectorkit.flink;

import jakarta.json.JsonObject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * The maps the MiniCluster jobs put between the source and the sink, and what they share with the test (the
 * MiniCluster runs in the test's JVM, on its class loader). Each test calls {@link #reset()} first.
 */
final class JobHooks {

    /** Records that went through a map (every subtask, every attempt). */
    static final AtomicLong PASSED = new AtomicLong();
    /** Whether {@link FailOnce} threw. */
    static final AtomicBoolean FAILED = new AtomicBoolean();

    private JobHooks() {
    }

    static void reset() {
        PASSED.set(0);
        FAILED.set(false);
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Each record's JSON text. */
    static final class Plain implements MapFunction<JsonObject, String> {
        @Override
        public String map(JsonObject record) {
            PASSED.incrementAndGet();
            return record.toString();
        }
    }

    /** Each record's JSON text, 1 ms a record: a job slow enough to be stopped half-way. */
    static final class Paced implements MapFunction<JsonObject, String> {
        @Override
        public String map(JsonObject record) {
            PASSED.incrementAndGet();
            pause();
            return record.toString();
        }
    }

    /**
     * Fails the job once, in the middle of a split: in the first subtask to see {@code failAfter} records, once
     * Flink completed a checkpoint after that, {@code extra} records later (records that reached the sink after the
     * checkpoint, and that the restore must not write twice). Until that checkpoint completes, it passes 1 ms a
     * record, so that the split cannot end first.
     */
    static final class FailOnce implements MapFunction<JsonObject, String>, CheckpointListener {

        private final long failAfter;
        private final long extra;
        private long seen;
        private boolean checkpointedSince;
        private long sinceCheckpoint;

        FailOnce(long failAfter, long extra) {
            this.failAfter = failAfter;
            this.extra = extra;
        }

        @Override
        public String map(JsonObject record) {
            PASSED.incrementAndGet();
            seen++;
            if (seen >= failAfter && !FAILED.get()) {
                if (!checkpointedSince) {
                    pause();
                } else if (++sinceCheckpoint >= extra && FAILED.compareAndSet(false, true)) {
                    throw new IllegalStateException("induced failure after " + seen + " records of this subtask");
                }
            }
            return record.toString();
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            if (seen >= failAfter) {
                checkpointedSince = true;
            }
        }
    }
}
