package io.connectorkit.runner;

import io.connectorkit.runtime.ComponentException;
import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.ConfigurationException;
import io.connectorkit.runtime.UnsupportedVersionException;
import io.connectorkit.runtime.Input;
import io.connectorkit.runtime.Mapper;
import io.connectorkit.store.CheckpointEnvelope;
import io.connectorkit.store.CheckpointStore;
import io.connectorkit.store.CheckpointStoreException;
import io.connectorkit.store.NoValidCheckpointException;
import io.connectorkit.store.WriterLostException;
import jakarta.json.JsonObject;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Runs one job to its end: resumes from the job's latest checkpoint, drives the input in callback mode, hands records
 * and checkpoints to a {@link JobOutput}, and retries a failing connector from the last durable checkpoint. A
 * {@link StopRequest} (SIGTERM, SIGINT) ends it early the way the end of the input does: {@code stop()}, final
 * checkpoint, output closed.
 */
final class JobRunner {

    /** How a run ended. */
    enum Outcome {
        /** The input had no more records. */
        FINISHED,
        /** A stop was requested: the input was stopped and its final checkpoint handed to the output. */
        STOPPED,
        /** {@code --max-records} or {@code --max-duration} was reached: stopped as for {@link #STOPPED}. */
        LIMIT_REACHED
    }

    private final JobSettings settings;
    private final ComponentManager manager;
    private final CheckpointStore store;
    private final OutputOpener outputs;
    private final Supplier<String> recordsAlreadyOut;
    private final RunnerMetrics metrics;
    private final PrintStream log;
    private final StopRequest stop;
    private final RunLimits limits;
    private final BacklogSampler backlog;
    private final IdlePause idle = new IdlePause();
    /** Set, on a store thread, when the store lost this job's writer claim: read once per record. */
    private volatile WriterLostException writerLost;

    /**
     * @param outputs opens the output of one attempt; called once the attempt is known to start (store readable,
     *     component found, configuration valid), so a job that is refused leaves its output as it was
     * @param recordsAlreadyOut what the output holds before the run ("the output x already holds 120 bytes"), or
     *     {@code null} when nothing or unknown; asked only when the job has no checkpoint
     * @param stop read once per record; when set, the run ends after the current record
     * @param limits {@code --max-records} and {@code --max-duration}
     */
    JobRunner(JobSettings settings, ComponentManager manager, CheckpointStore store, OutputOpener outputs,
            Supplier<String> recordsAlreadyOut, RunnerMetrics metrics, PrintStream log, StopRequest stop,
            RunLimits limits) {
        this.settings = settings;
        this.manager = manager;
        this.store = store;
        this.outputs = outputs;
        this.recordsAlreadyOut = recordsAlreadyOut;
        this.metrics = metrics;
        this.log = log;
        this.stop = stop;
        this.limits = limits;
        this.backlog = new BacklogSampler(metrics);
        store.onWriterLost(lost -> {
            if (lost.job().equals(settings.job())) {
                writerLost = lost;
            }
        });
    }

    /** Runs until the input ends, a stop is requested or a limit is reached; counts the records read in the metrics. */
    Outcome run() {
        for (int attempt = 0; ; attempt++) {
            try {
                return runOnce(attempt == 0);
            } catch (ComponentException e) {
                metrics.failure();
                if (attempt >= settings.retries()) {
                    throw new RunnerException(ExitCodes.CONNECTOR_FAILED, e.getMessage()
                            + (settings.retries() > 0 ? " (gave up after " + settings.retries() + " retries)" : ""), e);
                }
                Duration delay = Backoff.delay(settings.initialBackoff(), attempt);
                log.println("connectorkit: " + e.getMessage());
                log.println("connectorkit: retry " + (attempt + 1) + " of " + settings.retries() + " in "
                        + delay.toMillis() + " ms, from the last saved checkpoint");
                metrics.retry();
                if (awaitStop(delay)) {
                    return Outcome.STOPPED; // the last checkpoint was saved when the failed attempt closed its output
                }
            }
        }
    }

    /** @param first the first attempt: the output holds what earlier runs wrote, not this run's records */
    @SuppressWarnings("try") // the output is closed inside the try: its final checkpoint is then durable
    private Outcome runOnce(boolean first) {
        if (writerLost != null) {
            throw lost(0); // between two attempts
        }
        Map<String, String> configuration = new HashMap<>(settings.configuration());
        Optional<CheckpointEnvelope> latest = loadLatest();
        if (first && latest.isEmpty() && manager.isCheckpointingEnabled()) {
            NoCheckpoint.check(settings, store, JobPartitions.SINGLE, recordsAlreadyOut.get(), log);
        } else if (first && settings.startOver() && latest.isPresent()) {
            log.println("connectorkit: note: --start-over has no effect: job '" + settings.job() + "' has a "
                    + "checkpoint (to start over, delete it: 'connectorkit checkpoint delete --job " + settings.job()
                    + " --yes')");
        }
        latest.ifPresent(saved -> {
            Map<String, String> keys = ComponentManager.jsonToMap(saved.checkpoint());
            if (!manager.isCheckpointingEnabled()) {
                // Not handed to the runtime: its warning only names keys; this one names the saved checkpoint.
                log.println("connectorkit: warning: --no-checkpoints: the saved checkpoint #" + saved.generation()
                        + " of job '" + settings.job() + "' is ignored (keys " + new TreeSet<>(keys.keySet())
                        + "); the input starts from its configuration and no checkpoint is saved");
                return;
            }
            configuration.putAll(keys);
            log.println("connectorkit: job '" + settings.job() + "' resumes from checkpoint #" + saved.generation()
                    + " saved " + saved.createdAt() + ": " + saved.checkpoint());
        });
        Input input = findMapper(manager, settings, configuration).create();
        long producedHere = 0;
        DurableCheckpoints durable = new DurableCheckpoints();
        try (JobOutput output = outputs.open(JobPartitions.SINGLE, durable::saved)) {
            // A checkpoint equal to the one resumed from (a finished job run again) is not saved again: each would
            // be a new generation, and a few such runs would push older ones, and manual changes, out of retention.
            JsonObject[] latestJson = {latest.filter(saved -> manager.isCheckpointingEnabled())
                    .map(CheckpointEnvelope::checkpoint).orElse(null)};
            input.start(checkpoint -> {
                if (writerLost != null) {
                    return; // another runner may hold the job: this one saves nothing more
                }
                JsonObject json = checkpoint.toJson();
                if (!json.equals(latestJson[0])) {
                    latestJson[0] = json;
                    output.checkpoint(settings.componentId(), json);
                    metrics.checkpointTaken();
                }
            });
            Outcome outcome = Outcome.FINISHED;
            try {
                while (true) {
                    Object record = input.next();
                    if (record == null) {
                        if (!input.infinite()) {
                            break; // the end of a finite input
                        }
                        // An infinite input with nothing now: acknowledge what became durable, then pause.
                        durable.reportTo(input);
                        backlog.idle(input);
                        if (stop.isRequested() || limits.timeUp() || writerLost != null) {
                            outcome = stop.isRequested() ? Outcome.STOPPED
                                    : writerLost == null ? Outcome.LIMIT_REACHED : outcome;
                            break;
                        }
                        idle.pause(stop, limits);
                        continue;
                    }
                    idle.reset();
                    output.write(record);
                    metrics.recordRead();
                    durable.reportTo(input);
                    backlog.afterRecord(input);
                    if (++producedHere == settings.failAfter()) {
                        crash(producedHere, output);
                    }
                    if (stop.isRequested()) {
                        outcome = Outcome.STOPPED;
                        break;
                    }
                    if (limits.recordRead()) {
                        outcome = Outcome.LIMIT_REACHED;
                        break;
                    }
                    if (writerLost != null) {
                        break;
                    }
                }
            } catch (ComponentException e) {
                input.stop(); // runs @PreDestroy; after a failure no checkpoint is taken
                throw e;
            } catch (WriterLostException e) {
                // Found by a save this thread waited for (--sync-saves): the store told the listener already.
                writerLost = writerLost != null ? writerLost : e;
                input.stop(); // runs @PreDestroy; its final checkpoint is not saved
                throw lost(producedHere);
            }
            input.stop(); // delivers the final checkpoint, whether the input ended or a stop was requested
            if (writerLost != null) {
                throw lost(producedHere);
            }
            output.close(); // the final checkpoint is durable once the output is closed
            durable.reportTo(input);
            return outcome;
        }
    }

    /**
     * Whether a partitioned component's job was started before the component split, when it was a plain emitter:
     * it has a checkpoint in {@link JobPartitions#SINGLE} and no split plan. Such a job goes on as one input, from that
     * checkpoint, rather than be split and read again from the start; a note says so.
     */
    static boolean startedAsOneInput(CheckpointStore store, String job, String componentId, PrintStream log) {
        if (store.history(job, JobPartitions.SINGLE).isEmpty() || !store.history(job, JobPartitions.PLAN).isEmpty()) {
            return false;
        }
        log.println("connectorkit: note: job '" + job + "' was started before " + componentId + " read in splits: "
                + "it goes on as one input, from its checkpoint; a new job (another --job) reads in splits");
        return true;
    }

    /** The error of a run whose store lost the job's writer claim: nothing more was saved. */
    private RunnerException lost(long records) {
        return new RunnerException(ExitCodes.STORE_FAILED, writerLost.getMessage() + ". Stopped reading after "
                + records + " records of this run; no checkpoint was saved after the loss, so the next run resumes "
                + "from the last one saved", writerLost);
    }

    private Optional<CheckpointEnvelope> loadLatest() {
        try {
            return store.loadLatest(settings.job(), JobPartitions.SINGLE);
        } catch (NoValidCheckpointException e) {
            // Every generation is corrupt: no rewind can help, only a good copy put back or a start from scratch.
            throw new RunnerException(ExitCodes.STORE_FAILED, e.getMessage() + ". The job is not started. Restore "
                    + "a checkpoint from a backup, or start the job over from the beginning: 'connectorkit checkpoint "
                    + "delete --job " + settings.job() + " --yes' (with the same --store)", e);
        } catch (CheckpointStoreException e) {
            throw new RunnerException(ExitCodes.STORE_FAILED, e.getMessage() + "; the job is not started", e);
        }
    }

    /**
     * The job's component over {@code configuration}.
     *
     * @throws RunnerException when there is no such component, the configuration is bad, or a checkpoint in it is
     *     newer than the component
     */
    static Mapper findMapper(ComponentManager manager, JobSettings settings, Map<String, String> configuration) {
        try {
            return manager.findMapper(settings.family(), settings.name(), 1, configuration)
                    .orElseThrow(() -> ComponentLookup.unknown(manager, settings.componentId(), ""));
        } catch (ConfigurationException e) {
            throw new RunnerException(ExitCodes.BAD_CONFIGURATION, e.getMessage(), e);
        } catch (UnsupportedVersionException e) {
            throw new RunnerException(ExitCodes.NEWER_CHECKPOINT, e.getMessage(), e);
        }
    }

    /**
     * Dies like a crash that comes after the checkpoints already handed over were saved: no {@code stop()}, no final
     * checkpoint, buffered records lost. (A SIGKILL may also lose a save in flight; the crash tests do that.)
     */
    private void crash(long records, JobOutput output) {
        output.awaitCheckpoints();
        log.println("connectorkit: --fail-after " + records + ": simulating a crash (no stop(), no final checkpoint)");
        log.flush();
        Runtime.getRuntime().halt(ExitCodes.SIMULATED_CRASH);
    }

    /** Waits {@code delay} before a retry; returns early, with true, when a stop is requested meanwhile. */
    private boolean awaitStop(Duration delay) {
        try {
            return stop.await(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunnerException(ExitCodes.CONNECTOR_FAILED, "interrupted while waiting to retry");
        }
    }
}
