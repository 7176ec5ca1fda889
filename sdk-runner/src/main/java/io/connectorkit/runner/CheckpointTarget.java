package io.connectorkit.runner;

import io.connectorkit.runtime.Split;
import io.connectorkit.runtime.SplitPlan;
import io.connectorkit.store.CheckpointStore;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Which partition of a job a {@code checkpoint} command reads or changes: a plain job's {@link JobPartitions#SINGLE},
 * a partitioned job's split ({@code --split ID}) or its split plan ({@code --plan}), and the refusals when the options
 * do not fit the job: {@code --split} missing on a partitioned job, given on a plain one, naming a split the plan does
 * not have, or {@code _plan}; a change to a split the plan says is finished. Stateless.
 */
final class CheckpointTarget {

    /** How many split ids a message lists before "and N more". */
    static final int LISTED = 10;

    /** What a command works on. */
    enum Kind {
        /** A plain emitter's job, partition {@link JobPartitions#SINGLE}. */
        SINGLE,
        /** One split of a partitioned job. */
        SPLIT,
        /** A partitioned job's split plan, partition {@link JobPartitions#PLAN}. */
        PLAN
    }

    /**
     * The partition a command works on.
     *
     * @param job the job
     * @param partition the store partition
     * @param kind what it is
     */
    record Target(String job, String partition, Kind kind) {

        /** "job 'J'", "job 'J' split 'S'" or "job 'J' split plan", for messages. */
        String describe() {
            return switch (kind) {
                case SINGLE -> "job '" + job + "'";
                case SPLIT -> "job '" + job + "' split '" + partition + "'";
                case PLAN -> "job '" + job + "' split plan";
            };
        }

        /** The options that name this target again on a command line: "--job J [--split S | --plan]". */
        String options() {
            return "--job " + job + switch (kind) {
                case SINGLE -> "";
                case SPLIT -> " --split " + partition;
                case PLAN -> " --plan";
            };
        }
    }

    /** The options of a command that works on one split or the plan of a partitioned job. */
    static final class SplitOptions {
        @Option(names = "--split", paramLabel = "ID", description = "a split of a partitioned job (checkpoint show "
                + "--job J lists them)")
        String split;

        @Option(names = "--plan", description = "the split plan of a partitioned job instead of a split")
        boolean plan;

        /** Whether neither option was given. */
        boolean none() {
            return split == null && !plan;
        }
    }

    /** Whether a command reads the target or saves a new generation of it. */
    enum Use { READ, CHANGE }

    private CheckpointTarget() {
    }

    /**
     * The target the options name for {@code command}.
     *
     * @param planAllowed whether the command takes {@code --plan}
     * @throws RunnerException ({@link ExitCodes#USAGE}) when the options do not fit the job, naming the option, the
     *     job, the split and (some of) the plan's split ids; ({@link ExitCodes#STORE_FAILED}) when the plan cannot be
     *     read
     */
    static Target resolve(CheckpointStore store, String job, SplitOptions options, String command, Use use,
                          boolean planAllowed) {
        if (options.split != null && options.plan) {
            throw usage(command + ": give --split ID or --plan, not both");
        }
        if (options.plan || JobPartitions.PLAN.equals(options.split)) {
            if (!planAllowed) {
                throw usage(command + " cannot change the split plan of job '" + job + "': the runner writes it, "
                        + "and a field set by hand could make it unreadable; to go back to an earlier plan, rewind it: "
                        + "checkpoint rewind --job " + job + " --plan --to GEN");
            }
            if (!options.plan) {
                throw usage(command + " --split " + JobPartitions.PLAN + ": '" + JobPartitions.PLAN + "' is the "
                        + "partition of the split plan of job '" + job + "', not a split; give --plan");
            }
            if (store.history(job, JobPartitions.PLAN).isEmpty()) {
                throw usage(command + " --plan: job '" + job + "' has no split plan in " + store + " (a plain job "
                        + "keeps its checkpoints without one); omit --plan");
            }
            return new Target(job, JobPartitions.PLAN, Kind.PLAN);
        }
        Optional<SavedPlans.Saved> saved = SavedPlans.loadSaved(store, job);
        if (options.split == null) {
            if (saved.isPresent()) {
                SplitPlan plan = saved.get().plan();
                throw usage("job '" + job + "' is partitioned: its checkpoints are kept per split, so " + command
                        + " needs --split ID" + (planAllowed ? " (or --plan for its split plan)" : "") + "; its "
                        + splitIds(plan) + " (checkpoint show --job " + job + " lists them with their status)");
            }
            return new Target(job, JobPartitions.SINGLE, Kind.SINGLE);
        }
        String id = options.split;
        if (saved.isEmpty()) {
            throw usage(command + " --split " + PrintableText.of(id, 140) + ": job '" + job + "' has no split plan in "
                    + store + ", so it has no splits (a plain job keeps its checkpoints in one partition); omit "
                    + "--split");
        }
        SplitPlan plan = saved.get().plan();
        String shown = PrintableText.of(id, 140);
        SplitPlan.Entry entry = plan.entries().stream().filter(e -> e.split().id().equals(id)).findFirst()
                .orElseThrow(() -> usage(command + " --split " + shown + ": job '" + job + "' has no split '" + shown
                        + "' in its split plan (#" + saved.get().envelope().generation() + "); its "
                        + splitIds(plan)));
        if (use == Use.CHANGE && entry.status() == SplitPlan.Status.FINISHED) {
            throw usage(command + " refused, nothing written: split '" + id + "' of job '" + job + "' is FINISHED "
                    + "in its split plan (#" + saved.get().envelope().generation() + "), so the runner skips it and "
                    + "would never read the changed checkpoint. To read the split again, rewind the plan to a "
                    + "generation in which it is pending (checkpoint history --job " + job + " --plan, then "
                    + "checkpoint rewind --job " + job + " --plan --to GEN), then change the split");
        }
        return new Target(job, id, Kind.SPLIT);
    }

    /** "3 splits: a, b, c" or "40 splits: a, ... (10 of them), and 30 more". */
    static String splitIds(SplitPlan plan) {
        List<String> ids = plan.splits().stream().map(Split::id).toList();
        String listed = String.join(", ", ids.subList(0, Math.min(LISTED, ids.size())));
        return ids.size() + (ids.size() == 1 ? " split: " : " splits: ") + (ids.isEmpty() ? "none" : listed)
                + (ids.size() > LISTED ? ", and " + (ids.size() - LISTED) + " more" : "");
    }

    private static RunnerException usage(String message) {
        return new RunnerException(ExitCodes.USAGE, message);
    }
}
