package io.connectorkit.runner;

import java.io.PrintStream;
import java.util.List;

/** The last lines of a partitioned job's run: each split read (up to 20), then the job's. */
final class SplitsSummary {

    private static final int LISTED = 20;

    private SplitsSummary() {
    }

    /**
     * Prints the summary and returns the run's exit code.
     *
     * @param quiet only a stop is summed up, as for a plain job
     * @param signal the signal that stopped the run, or {@code null}
     */
    static int print(JobRunner.Outcome outcome, String jobId, RunnerMetrics metrics, boolean quiet, String signal,
            PrintStream log) {
        List<SplitMetrics> splits = metrics.splits();
        if ((!quiet || outcome == JobRunner.Outcome.STOPPED) && splits.size() > 1) {
            for (SplitMetrics split : splits.subList(0, Math.min(splits.size(), LISTED))) {
                log.println("connectorkit:   split '" + split.id() + "': " + split.records() + " records, "
                        + (split.isFinished() ? "finished" : "pending") + (split.lastSavedGeneration() == 0 ? ""
                        : ", last checkpoint #" + split.lastSavedGeneration()));
            }
            if (splits.size() > LISTED) {
                log.println("connectorkit:   and " + (splits.size() - LISTED) + " more splits");
            }
        }
        String read = metrics.records() + " records from " + PartitionedJobRunner.splits(splits.size()) + ", "
                + metrics.splitsFinished() + " of them finished";
        if (outcome == JobRunner.Outcome.STOPPED) {
            log.println("connectorkit: " + (signal != null ? signal : "stop") + ": stopped after " + read
                    + "; each split saved its final checkpoint; run again to resume");
            return ExitCodes.STOPPED;
        }
        if (!quiet) {
            log.println("connectorkit: job '" + jobId + "' finished: " + (splits.isEmpty()
                    ? "its split plan has no split; nothing to read"
                    : read + " in this run; every split of its plan is finished"));
        }
        return ExitCodes.OK;
    }
}
