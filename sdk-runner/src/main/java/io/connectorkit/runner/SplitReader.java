package io.connectorkit.runner;

import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.ComponentException;
import io.connectorkit.runtime.ConfigurationException;
import io.connectorkit.runtime.Input;
import io.connectorkit.runtime.Split;
import io.connectorkit.runtime.SplitPlan;
import io.connectorkit.runtime.UnsupportedVersionException;
import io.connectorkit.store.CheckpointEnvelope;
import io.connectorkit.store.CheckpointStoreException;
import io.connectorkit.store.NoValidCheckpointException;
import io.connectorkit.store.WriterLostException;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads one split of a partitioned job on the calling thread, to its end or until the run stops: resumes from the
 * split's latest checkpoint (kept under the split's id), hands its records and checkpoints to an output of its own,
 * reports each durable checkpoint back to the input ({@code @CheckpointCommitted}) on this thread, and retries a
 * failing connector from the split's last durable checkpoint.
 */
final class SplitReader {

    /** How the split's reading ended. */
    enum Outcome {
        /** The split had no more records: its final checkpoint is durable. */
        FINISHED,
        /** The run is stopping (a stop request, another split's failure): the final checkpoint is durable. */
        STOPPED
    }

    private final SplitRun run;
    private final Split split;
    /** Where a new pass over a finished split starts when its own checkpoints were pruned, or {@code null}. */
    private final CheckpointState lastPassEnd;
    private final SplitMetrics metrics;
    /** The newest checkpoint handed to the output (durable once it closed), or the one the split resumed from. */
    private JsonObject latest;

    /** @param entry the split and, after an earlier pass, the checkpoint it ended at */
    SplitReader(SplitRun run, SplitPlan.Entry entry) {
        this.run = run;
        this.split = entry.split();
        this.lastPassEnd = entry.lastCheckpoint();
        this.metrics = run.metrics.split(split.id());
    }

    /** The split's final checkpoint once {@link #read()} returned {@link Outcome#FINISHED}, or {@code null}. */
    CheckpointState lastCheckpoint() {
        return latest == null ? null : CheckpointState.fromJson(latest);
    }

    /**
     * Reads the split.
     *
     * @throws RunnerException naming the split when the connector failed after the retries, its checkpoint cannot be
     *     read or used, or the store lost the job's writer claim
     */
    Outcome read() {
        for (int attempt = 0; ; attempt++) {
            try {
                return readOnce();
            } catch (ComponentException e) {
                run.metrics.failure();
                if (attempt >= run.settings.retries() || run.shouldStop()) {
                    throw new RunnerException(ExitCodes.CONNECTOR_FAILED, "split '" + split.id() + "': "
                            + e.getMessage() + (attempt > 0 ? " (gave up after " + attempt + " retries)" : ""), e);
                }
                Duration delay = Backoff.delay(run.settings.initialBackoff(), attempt);
                run.log("split '" + split.id() + "': " + e.getMessage());
                run.log("split '" + split.id() + "': retry " + (attempt + 1) + " of " + run.settings.retries()
                        + " in " + delay.toMillis() + " ms, from its last saved checkpoint");
                run.metrics.retry();
                if (awaitStop(delay)) {
                    return Outcome.STOPPED;
                }
            }
        }
    }

    @SuppressWarnings("try") // the output is closed inside the try: its final checkpoint is then durable
    private Outcome readOnce() {
        CheckpointState from = resumePoint();
        Input input = create(from);
        DurableCheckpoints durable = new DurableCheckpoints();
        Outcome outcome = Outcome.FINISHED;
        long failAfter = run.settings.failAfter();
        try (JobOutput output = run.outputs.open(split.id(), durable::saved)) {
            // As in a single job: a checkpoint equal to the one resumed from is not saved again.
            latest = from == null ? null : from.toJson();
            input.start(checkpoint -> {
                if (run.writerLost() != null) {
                    return;
                }
                JsonObject json = checkpoint.toJson();
                if (!json.equals(latest)) {
                    latest = json;
                    output.checkpoint(run.settings.componentId(), json);
                    run.metrics.checkpointTaken();
                }
            });
            try {
                for (Object record = input.next(); record != null; record = input.next()) {
                    output.write(record);
                    metrics.recordRead();
                    durable.reportTo(input);
                    if (failAfter > 0 && run.countForFailAfter() == failAfter) {
                        crash(failAfter, output);
                    }
                    if (run.shouldStop()) {
                        outcome = Outcome.STOPPED;
                        break;
                    }
                }
            } catch (ComponentException e) {
                input.stop(); // runs @PreDestroy; after a failure no checkpoint is taken
                throw e;
            } catch (WriterLostException e) {
                run.writerLost(e);
                input.stop();
                throw lost();
            }
            input.stop(); // delivers the final checkpoint
            if (run.writerLost() != null) {
                throw lost();
            }
            output.close(); // the final checkpoint is durable once the output is closed
        }
        durable.reportTo(input);
        return outcome;
    }

    /**
     * The checkpoint to resume from: the split's latest, else where an earlier pass ended it; {@code null} to read it
     * from its start.
     */
    private CheckpointState resumePoint() {
        Optional<CheckpointEnvelope> saved = loadLatest();
        if (saved.isPresent()) {
            return CheckpointState.fromJson(saved.get().checkpoint());
        }
        if (lastPassEnd != null && run.checkpointing) {
            run.log("split '" + split.id() + "' reads on from where the last pass ended: " + lastPassEnd.toJson());
            return lastPassEnd;
        }
        return null;
    }

    /** The split's latest checkpoint; empty for a split never read, or one whose checkpoints were deleted by hand. */
    private Optional<CheckpointEnvelope> loadLatest() {
        String job = run.settings.job();
        Optional<CheckpointEnvelope> latest;
        try {
            latest = run.store.loadLatest(job, split.id());
        } catch (NoValidCheckpointException e) {
            throw new RunnerException(ExitCodes.STORE_FAILED, e.getMessage() + ". Split '" + split.id() + "' is not "
                    + "read. Restore its checkpoint from a backup, or rewind it ('connectorkit checkpoint rewind --job "
                    + job + " --split " + split.id() + " --to G')", e);
        } catch (CheckpointStoreException e) {
            throw new RunnerException(ExitCodes.STORE_FAILED, e.getMessage() + "; split '" + split.id()
                    + "' is not read", e);
        }
        if (!run.checkpointing) {
            latest.ifPresent(saved -> run.log("warning: --no-checkpoints: split '" + split.id() + "' ignores its "
                    + "checkpoint #" + saved.generation() + " and is read from its start"));
            return Optional.empty();
        }
        if (latest.isEmpty() && lastPassEnd == null && run.store.savedBefore(job, split.id())) {
            String lost = "split '" + split.id() + "' of job '" + job + "' saved checkpoints in " + run.store
                    + " before, but none is left (deleted by hand?)";
            if (!run.settings.startOver()) {
                throw new RunnerException(ExitCodes.STORE_FAILED, lost + ": reading it from its start would write "
                        + "its records again. Restore its checkpoints from a backup and run again, or give "
                        + "--start-over to read it from its start anyway. Nothing of it was read.");
            }
            run.log("WARNING: " + lost + ": it is read from its start (--start-over)");
        }
        latest.ifPresent(saved -> run.log("split '" + split.id() + "' resumes from checkpoint #" + saved.generation()
                + ": " + saved.checkpoint()));
        return latest;
    }

    private Input create(CheckpointState from) {
        try {
            return run.mapper.create(split, from);
        } catch (ConfigurationException e) {
            throw new RunnerException(ExitCodes.BAD_CONFIGURATION, "split '" + split.id() + "': " + e.getMessage(), e);
        } catch (UnsupportedVersionException e) {
            throw new RunnerException(ExitCodes.NEWER_CHECKPOINT, "split '" + split.id() + "': " + e.getMessage(), e);
        }
    }

    private RunnerException lost() {
        WriterLostException lost = run.writerLost();
        return new RunnerException(ExitCodes.STORE_FAILED, lost.getMessage() + ". Split '" + split.id() + "' stopped "
                + "reading; no checkpoint was saved after the loss, so the next run resumes from the last one saved",
                lost);
    }

    /** As a single job's crash: the checkpoints this split handed over are saved, then the process dies. */
    private void crash(long records, JobOutput output) {
        output.awaitCheckpoints();
        run.log("--fail-after " + records + ": simulating a crash in split '" + split.id() + "' (no stop(), no final "
                + "checkpoint)");
        run.log.flush();
        Runtime.getRuntime().halt(ExitCodes.SIMULATED_CRASH);
    }

    private boolean awaitStop(Duration delay) {
        try {
            long end = System.nanoTime() + delay.toNanos();
            while (System.nanoTime() < end) {
                if (run.shouldStop() || run.stop.await(Duration.ofMillis(Math.min(100, delay.toMillis())))) {
                    return true;
                }
            }
            return run.shouldStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunnerException(ExitCodes.CONNECTOR_FAILED, "split '" + split.id() + "': interrupted while "
                    + "waiting to retry");
        }
    }
}
