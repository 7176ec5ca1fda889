package io.connectorkit.testing;

import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.Input;
import java.util.ArrayList;
import java.util.List;

/**
 * What one run of an input to its end gave: every record, and every checkpoint with the number of records the host
 * had received when the callback fired (the runtime delivers a checkpoint only after its records, so that number is
 * what the checkpoint covers).
 */
final class RecordedRun {

    /**
     * A checkpoint as delivered: {@code ordinal} counts from 0 in delivery order; it covers {@code covered} records;
     * {@code atStop} when it is the final checkpoint, which {@code stop()} delivers without asking the emitter for a
     * safe point.
     */
    record Delivered(int ordinal, int covered, CheckpointState state, boolean atStop) {
    }

    private final List<Object> records;
    private final List<Delivered> checkpoints;
    private final boolean truncated;

    private RecordedRun(List<Object> records, List<Delivered> checkpoints, boolean truncated) {
        this.records = records;
        this.checkpoints = checkpoints;
        this.truncated = truncated;
    }

    /**
     * Runs a new input to its end in callback mode, or until it produced {@code limit} records and one more
     * ({@link #truncated()}); always stops it.
     */
    static RecordedRun of(Input input, int limit) {
        List<Object> records = new ArrayList<>();
        List<Delivered> checkpoints = new ArrayList<>();
        boolean[] stopping = {false};
        input.start(state -> checkpoints.add(new Delivered(checkpoints.size(), records.size(), state, stopping[0])));
        boolean truncated = false;
        try {
            for (Object record = input.next(); record != null; record = input.next()) {
                if (records.size() == limit) {
                    truncated = true;
                    break;
                }
                records.add(record);
            }
        } finally {
            stopping[0] = true;
            input.stop();
        }
        return new RecordedRun(List.copyOf(records), List.copyOf(checkpoints), truncated);
    }

    List<Object> records() {
        return records;
    }

    List<Delivered> checkpoints() {
        return checkpoints;
    }

    /** Whether the input had more than the limit's records. */
    boolean truncated() {
        return truncated;
    }

    /**
     * The most records between two consecutive checkpoints, counting from the start to the first one and from the
     * last one to the end: how many a crash repeats at most when each checkpoint delivered was saved.
     */
    long largestGap() {
        long gap = 0;
        int previous = 0;
        for (Delivered checkpoint : checkpoints) {
            gap = Math.max(gap, checkpoint.covered() - previous);
            previous = checkpoint.covered();
        }
        return Math.max(gap, records.size() - previous);
    }
}
