package io.connectorkit.runner;

import io.connectorkit.runtime.Mapper;
import io.connectorkit.store.CheckpointStore;
import io.connectorkit.store.WriterLostException;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the split readers of one partitioned run share: the job's settings and mapper, the store, how outputs are
 * opened, the metrics and log, and the reasons to stop reading early (a stop request, another split's failure, the
 * store's loss of the job's writer claim). Thread-safe.
 */
final class SplitRun {

    final JobSettings settings;
    final Mapper mapper;
    final CheckpointStore store;
    final OutputOpener outputs;
    final RunnerMetrics metrics;
    final PrintStream log;
    final StopRequest stop;
    /** Whether checkpoints are taken and saved ({@code --no-checkpoints} turns them off). */
    final boolean checkpointing;
    private final AtomicLong recordsRead = new AtomicLong();
    private volatile boolean halted;
    private volatile WriterLostException writerLost;

    SplitRun(JobSettings settings, Mapper mapper, CheckpointStore store, OutputOpener outputs, RunnerMetrics metrics,
            PrintStream log, StopRequest stop, boolean checkpointing) {
        this.settings = settings;
        this.mapper = mapper;
        this.store = store;
        this.outputs = outputs;
        this.metrics = metrics;
        this.log = log;
        this.stop = stop;
        this.checkpointing = checkpointing;
    }

    /** Whether every split should stop after its current record: read once per record. */
    boolean shouldStop() {
        return halted || writerLost != null || stop.isRequested();
    }

    /** A split failed: the others stop after their current record, saving their final checkpoints. */
    void halt() {
        halted = true;
    }

    boolean isHalted() {
        return halted;
    }

    /** The store lost the job's writer claim: nothing more is saved. */
    void writerLost(WriterLostException lost) {
        if (writerLost == null) {
            writerLost = lost;
        }
    }

    /** The loss of the writer claim, or {@code null}. */
    WriterLostException writerLost() {
        return writerLost;
    }

    /** Counts one record of this run, for {@code --fail-after}; returns the count so far. */
    long countForFailAfter() {
        return recordsRead.incrementAndGet();
    }

    /** Prints one line on the log; lines of two threads never mix. */
    void log(String line) {
        synchronized (log) {
            log.println("connectorkit: " + line);
        }
    }
}
