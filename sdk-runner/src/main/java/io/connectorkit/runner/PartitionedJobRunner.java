package io.connectorkit.runner;

import io.connectorkit.runtime.ComponentException;
import io.connectorkit.runtime.Mapper;
import io.connectorkit.runtime.Split;
import io.connectorkit.runtime.SplitPlan;
import io.connectorkit.runtime.SplitPlanMismatchException;
import io.connectorkit.store.CheckpointEnvelope;
import io.connectorkit.store.CheckpointStore;
import io.connectorkit.store.CheckpointStoreException;
import io.connectorkit.store.NoValidCheckpointException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs a partitioned job to its end. Its split plan is made once, and saved before any record is read; a resume
 * loads the saved plan, checks it against the configuration (another configuration is an error naming what changed)
 * and never splits again. The pending splits are read on {@code --parallelism} threads, each split from its own latest
 * checkpoint ({@link SplitReader}); a split read to its end is marked finished in the plan once its final checkpoint
 * is durable, its final checkpoint kept in the plan. When every split is finished, their own checkpoints are pruned.
 * Running a finished job again makes a next pass over the same splits ({@link SplitPlan#nextPass()}), each read from
 * where it ended: what was added since (rows with higher keys, say), as a plain emitter's finished job does. A split
 * that fails stops the others (each saves its final checkpoint) and the job fails naming it.
 */
final class PartitionedJobRunner {

    private final SplitRun run;
    private final int parallelism;
    private final long splitSize;
    private final Supplier<String> recordsAlreadyOut;

    /**
     * @param parallelism the most splits read at once
     * @param splitSize the desired split size given with {@code --split-size}, or 0 to divide the mapper's estimated
     *     size by the parallelism
     * @param recordsAlreadyOut what the output holds before the run, asked only when the job has no plan yet
     */
    PartitionedJobRunner(SplitRun run, int parallelism, long splitSize, Supplier<String> recordsAlreadyOut) {
        this.run = run;
        this.parallelism = parallelism;
        this.splitSize = splitSize;
        this.recordsAlreadyOut = recordsAlreadyOut;
        run.store.onWriterLost(lost -> {
            if (lost.job().equals(run.settings.job())) {
                run.writerLost(lost);
            }
        });
    }

    /** Reads the pending splits; FINISHED once every split of the plan is. */
    JobRunner.Outcome run() {
        String job = run.settings.job();
        SplitPlan plan = run.checkpointing ? loadOrMakePlan() : makePlan();
        List<SplitPlan.Entry> pending = new ArrayList<>();
        for (SplitPlan.Entry entry : plan.entries()) {
            if (entry.status() == SplitPlan.Status.PENDING) {
                pending.add(entry);
            }
        }
        run.metrics.splitsToRead(pending.size());
        if (!pending.isEmpty()) {
            PlanKeeper keeper = new PlanKeeper(run.store, job, plan, run.checkpointing);
            readInParallel(pending, keeper);
            plan = keeper.plan();
        }
        if (!plan.isFinished()) {
            return JobRunner.Outcome.STOPPED;
        }
        if (run.checkpointing) {
            prune(plan);
        }
        return JobRunner.Outcome.FINISHED;
    }

    private SplitPlan loadOrMakePlan() {
        String job = run.settings.job();
        Optional<SavedPlans.Saved> saved = loadPlan();
        if (saved.isPresent()) {
            SplitPlan plan = saved.get().plan();
            try {
                plan.checkAgainst(run.mapper, "delete the job's plan and checkpoints ('connectorkit checkpoint delete "
                        + "--job " + job + " --yes', with the same --store) and run it again");
            } catch (SplitPlanMismatchException e) {
                throw new RunnerException(ExitCodes.BAD_CONFIGURATION, "job '" + job + "': " + e.getMessage(), e);
            }
            if (plan.isFinished()) {
                plan = plan.nextPass();
                CheckpointEnvelope envelope = SavedPlans.save(run.store, job, plan);
                run.log("job '" + job + "' finished its last pass: this pass (plan #" + envelope.generation() + ") "
                        + "reads its " + splits(plan.entries().size()) + " again, each from where it ended, for what "
                        + "was added since; it is not split again");
                return plan;
            }
            run.log("job '" + job + "' resumes its split plan (generation #" + saved.get().envelope().generation()
                    + ", saved " + saved.get().envelope().createdAt() + "): " + splits(plan.entries().size()) + ", "
                    + plan.pending().size() + " to read; it is not split again");
            return plan;
        }
        NoCheckpoint.check(run.settings, run.store, JobPartitions.PLAN, recordsAlreadyOut.get(), run.log);
        SplitPlan plan = makePlan();
        CheckpointEnvelope envelope = SavedPlans.save(run.store, job, plan);
        int threads = Math.min(parallelism, plan.entries().size());
        run.log("job '" + job + "': split plan #" + envelope.generation() + " saved: " + splits(plan.entries().size())
                + " of " + run.settings.componentId() + ", read by " + threads + (threads == 1 ? " thread" : " threads"));
        return plan;
    }

    private Optional<SavedPlans.Saved> loadPlan() {
        String job = run.settings.job();
        try {
            return SavedPlans.loadSaved(run.store, job);
        } catch (NoValidCheckpointException e) {
            throw new RunnerException(ExitCodes.STORE_FAILED, e.getMessage() + ". The job is not started: its split "
                    + "plan cannot be read, and it is never made again over splits already read. Restore it from a "
                    + "backup, or start the job over: 'connectorkit checkpoint delete --job " + job + " --yes' (with "
                    + "the same --store)", e);
        } catch (CheckpointStoreException e) {
            throw new RunnerException(ExitCodes.STORE_FAILED, e.getMessage() + "; the job is not started", e);
        }
    }

    /** Splits the mapper: once per job. */
    private SplitPlan makePlan() {
        Mapper mapper = run.mapper;
        SplitPlan plan;
        try {
            long desired = splitSize;
            if (desired == 0) {
                long estimate = mapper.estimateSize();
                desired = estimate == Mapper.UNKNOWN_SIZE ? Long.MAX_VALUE
                        : Math.max(1, ceilDiv(estimate, parallelism));
            }
            plan = SplitPlan.create(mapper, desired);
        } catch (ComponentException e) {
            throw new RunnerException(ExitCodes.CONNECTOR_FAILED, "splitting " + mapper.componentId() + " failed: "
                    + e.getMessage(), e);
        }
        if (plan.split(JobPartitions.PLAN).isPresent()) {
            throw new RunnerException(ExitCodes.CONNECTOR_FAILED, mapper.componentId() + " gave a split the id '"
                    + JobPartitions.PLAN + "', which the runner keeps for the split plan; give the split another id");
        }
        return plan;
    }

    private void readInParallel(List<SplitPlan.Entry> pending, PlanKeeper keeper) {
        int threads = Math.min(parallelism, pending.size());
        AtomicInteger number = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "split-reader-" + number.incrementAndGet());
            thread.setDaemon(true); // a stop that outlasts --stop-grace-ms halts the runner whatever they do
            return thread;
        });
        List<Future<?>> reads = new ArrayList<>();
        List<SplitFailure> failures = new ArrayList<>();
        try {
            for (SplitPlan.Entry entry : pending) {
                reads.add(pool.submit(() -> read(entry, keeper, failures)));
            }
        } finally {
            pool.shutdown();
        }
        for (Future<?> read : reads) {
            try {
                read.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a split task let an exception out", e.getCause()); // read() keeps them
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                run.halt();
                throw new RunnerException(ExitCodes.CONNECTOR_FAILED, "interrupted while reading the splits");
            }
        }
        if (!failures.isEmpty()) {
            throw failed(failures, keeper.plan());
        }
    }

    /** One split's task: reads it unless the run is stopping; a failure halts the others and is kept. */
    private void read(SplitPlan.Entry entry, PlanKeeper keeper, List<SplitFailure> failures) {
        if (run.shouldStop()) {
            return; // stays pending
        }
        String id = entry.split().id();
        try {
            SplitReader reader = new SplitReader(run, entry);
            if (reader.read() == SplitReader.Outcome.FINISHED) {
                keeper.finished(id, reader.lastCheckpoint());
                run.metrics.split(id).finished();
            }
        } catch (RuntimeException e) {
            run.halt();
            synchronized (failures) {
                failures.add(new SplitFailure(id, e));
            }
        }
    }

    /** A split's failure, as it was thrown. */
    private record SplitFailure(String split, RuntimeException error) {
    }

    /** The job's error: the first split that failed, the others that did, and what became of the rest. */
    private RunnerException failed(List<SplitFailure> failures, SplitPlan plan) {
        SplitFailure first = failures.get(0);
        int code = Main.exitCodeOf(first.error());
        if (code == ExitCodes.INTERNAL_ERROR) {
            synchronized (run.log) {
                first.error().printStackTrace(run.log);
            }
        }
        String message = first.error().getMessage();
        String named = message != null && message.startsWith("split '" + first.split() + "'") ? message
                : "split '" + first.split() + "': " + message;
        StringBuilder text = new StringBuilder(named);
        if (failures.size() > 1) {
            text.append(" (").append(failures.size() - 1).append(" more failed: ");
            for (int i = 1; i < failures.size(); i++) {
                text.append(i > 1 ? ", " : "").append('\'').append(failures.get(i).split()).append('\'');
            }
            text.append(')');
        }
        long finished = plan.entries().size() - plan.pending().size();
        text.append(". The job stopped").append(plan.entries().size() > 1 ? "; the other splits saved their checkpoints"
                : "").append("; ").append(finished).append(" of ").append(splits(plan.entries().size()))
                .append(" finished. Run it again to resume");
        return new RunnerException(code == ExitCodes.INTERNAL_ERROR ? ExitCodes.CONNECTOR_FAILED : code,
                text.toString(), first.error());
    }

    /** Deletes the checkpoints of the finished splits; the plan, all finished, stays as the job's record. */
    private void prune(SplitPlan plan) {
        String job = run.settings.job();
        try {
            for (Split split : plan.splits()) {
                run.store.delete(job, split.id());
            }
        } catch (UnsupportedOperationException e) {
            run.log("note: " + e.getMessage() + ": the checkpoints of the finished splits of job '" + job
                    + "' are kept");
        } catch (CheckpointStoreException e) {
            run.log("warning: the checkpoints of the finished splits of job '" + job + "' were not all pruned: "
                    + e.getMessage() + "; the next run of the job prunes them again");
        }
    }

    /** "1 split", "4 splits". */
    static String splits(long count) {
        return count + (count == 1 ? " split" : " splits");
    }

    private static long ceilDiv(long a, long b) {
        return a / b + (a % b == 0 ? 0 : 1);
    }
}
