package io.connectorkit.runner;

import io.connectorkit.store.Audit;
import io.connectorkit.store.CheckpointEnvelope;
import io.connectorkit.store.CheckpointInfo;
import io.connectorkit.store.CheckpointStore;
import io.connectorkit.store.CheckpointStoreException;
import io.connectorkit.store.JdbcCheckpointStore;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.PrintStream;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code connectorkit checkpoint ...}: inspect and change a stopped job's checkpoints. Every change is saved as a new
 * generation carrying who did what and when, so it shows in the history and can be undone with {@code rewind}. A
 * partitioned job keeps its split plan and each split's checkpoints apart: {@code show} without options shows the
 * plan, and the other commands name a split with {@code --split ID} or the plan with {@code --plan}
 * ({@link CheckpointTarget}).
 */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
        description = "Inspects and changes a stopped job's checkpoints; every change is a new generation.",
        subcommands = {CheckpointCommand.ListJobs.class, CheckpointCommand.Show.class, CheckpointCommand.History.class,
            CheckpointCommand.Rewind.class, CheckpointCommand.Reset.class, CheckpointCommand.Delete.class})
final class CheckpointCommand {

    /** The options every checkpoint command takes. */
    static final class StoreOptions {
        @Option(names = "--store", paramLabel = "file:DIR|jdbc:URL|s3://BUCKET/PREFIX",
                defaultValue = StoreSpec.DEFAULT, description = "where checkpoints are kept (default: ${DEFAULT-VALUE})")
        String store;

        @Mixin
        S3StoreOptions s3;

        @Mixin
        PasswordOption password;

        @Option(names = "--retention", description = "generations kept after a rewind or reset (default: all that "
                + "are kept now; the job's next run prunes to its own --retention)")
        Integer retention;

        CheckpointStore open() {
            // An operator's change must not silently delete the history it may want to go back to.
            return StoreSpec.open(store, retention == null ? Integer.MAX_VALUE : retention,
                    JdbcCheckpointStore.DEFAULT_LOCK_TIMEOUT, password.password(), s3);
        }
    }

    /** The options of commands about one job. */
    static final class JobOptions {
        @Mixin
        StoreOptions store;

        @Option(names = "--job", required = true, description = "the job id")
        String job;

        @Option(names = "--by", description = "who makes the change, recorded in the history (default: the OS user)")
        String by = System.getProperty("user.name", "unknown");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the jobs that have checkpoints, "
            + "with their latest generation, or their split plan's summary for a partitioned job.")
    static final class ListJobs implements Callable<Integer> {
        @Mixin
        StoreOptions options;

        @Override
        public Integer call() {
            try (CheckpointStore store = options.open()) {
                PrintStream out = System.out;
                for (String job : store.jobs()) {
                    String latest;
                    try {
                        Optional<SavedPlans.Saved> plan = SavedPlans.loadSaved(store, job);
                        latest = plan.isPresent() ? PlanView.summary(plan.get())
                                : store.loadLatest(job, JobPartitions.SINGLE)
                                        .map(e -> "#" + e.generation() + "  " + e.createdAt() + "  " + e.componentId())
                                        .orElse("(no checkpoint in partition " + JobPartitions.SINGLE
                                                + " and no split plan)");
                    } catch (CheckpointStoreException | RunnerException e) {
                        // One broken job must not hide the others: list is how an operator finds it.
                        latest = "(cannot be resumed: " + e.getMessage() + ")";
                    }
                    out.println(job + "  " + latest);
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Shows the latest checkpoint of a job (or --generation), with its envelope.",
                "For a partitioned job: its split plan and each split's status and latest checkpoint; a split's "
                        + "checkpoint with --split ID, the plan's envelope with --plan."})
    static final class Show implements Callable<Integer> {
        @Mixin
        JobOptions options;

        @Mixin
        CheckpointTarget.SplitOptions splits;

        @Option(names = "--generation", description = "a given generation instead of the latest")
        Long generation;

        @Override
        public Integer call() {
            try (CheckpointStore store = options.store.open()) {
                if (splits.none() && generation == null) {
                    Optional<SavedPlans.Saved> plan = SavedPlans.loadSaved(store, options.job);
                    if (plan.isPresent()) {
                        PlanView.print(store, options.job, plan.get(), System.out);
                        return ExitCodes.OK;
                    }
                }
                CheckpointTarget.Target target = CheckpointTarget.resolve(store, options.job, splits, "show",
                        CheckpointTarget.Use.READ, true);
                CheckpointEnvelope envelope = (generation == null
                        ? store.loadLatest(options.job, target.partition())
                        : store.load(options.job, target.partition(), generation))
                        .orElseThrow(() -> new RunnerException(ExitCodes.STORE_FAILED, target.describe()
                                + " has no checkpoint" + (generation == null ? "" : " generation " + generation)
                                + " in " + store));
                System.out.println(pretty(describe(envelope)));
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "Lists the generations kept for a job "
            + "(for a partitioned job: for one split, --split ID, or for its split plan, --plan).")
    static final class History implements Callable<Integer> {
        @Mixin
        JobOptions options;

        @Mixin
        CheckpointTarget.SplitOptions splits;

        @Override
        public Integer call() {
            try (CheckpointStore store = options.store.open()) {
                CheckpointTarget.Target target = CheckpointTarget.resolve(store, options.job, splits, "history",
                        CheckpointTarget.Use.READ, true);
                List<CheckpointInfo> history = store.history(options.job, target.partition());
                if (history.isEmpty()) {
                    System.out.println(target.describe() + " has no checkpoint in " + store);
                }
                System.out.printf("%-10s %-30s %-8s %-8s %-28s %s%n", "generation", "created", "version", "bytes",
                        "component", "change");
                for (CheckpointInfo info : history) {
                    Audit audit = info.audit();
                    System.out.printf("%-10d %-30s %-8d %-8d %-28s %s%n", info.generation(), info.createdAt(),
                            info.version(), info.sizeBytes(), info.componentId(),
                            audit == null ? "" : audit.action() + " by " + audit.by() + " at " + audit.at());
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "rewind", mixinStandardHelpOptions = true,
            description = {"Makes an earlier generation the latest again (saved as a new generation).",
                "For a partitioned job: of one split (--split ID; a finished split is refused) or of its split plan "
                        + "(--plan, which re-opens the splits pending in that generation)."})
    static final class Rewind implements Callable<Integer> {
        @Mixin
        JobOptions options;

        @Mixin
        CheckpointTarget.SplitOptions splits;

        @Option(names = "--to", required = true, paramLabel = "GEN", description = "the generation to go back to")
        long generation;

        @Override
        public Integer call() {
            try (CheckpointStore store = options.store.open()) {
                store.lockForWriting(options.job);
                CheckpointTarget.Target target = CheckpointTarget.resolve(store, options.job, splits, "rewind",
                        CheckpointTarget.Use.CHANGE, true);
                String shown;
                if (target.kind() == CheckpointTarget.Kind.PLAN) {
                    // Never make a plan the runner cannot read the latest one.
                    String counts = store.load(options.job, target.partition(), generation)
                            .map(e -> PlanView.counts(SavedPlans.read(e, store))).orElse("");
                    CheckpointEnvelope saved = store.rewind(options.job, target.partition(), generation, options.by,
                            Clock.systemUTC());
                    shown = "#" + saved.generation() + ": " + counts;
                } else {
                    CheckpointEnvelope saved = store.rewind(options.job, target.partition(), generation, options.by,
                            Clock.systemUTC());
                    shown = "#" + saved.generation() + ": " + saved.checkpoint();
                }
                System.out.println(target.describe() + ": generation " + generation + " saved again as " + shown);
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Changes fields of the latest checkpoint (saved as a new generation), e.g. --set sinceId=0; "
                    + "of one split of a partitioned job with --split ID.",
                "The change is checked first against the @Checkpoint class of the component that wrote the checkpoint "
                        + "(found on the runner's class path or in --jar): an unknown field or a value that does not "
                        + "fit is refused and nothing is written."},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                "0:the new generation is saved",
                "2:bad command line, or __version, a list or an object given to --set, or --split missing for a "
                        + "partitioned job, given for a plain one, unknown to its split plan, or of a finished split",
                "4:the component that wrote the checkpoint is not found (give --jar, or --unchecked)",
                "5:a --set field is unknown to the component's @Checkpoint class, or its value does not fit",
                "6:the store cannot be opened, the job is locked by a running writer, or has no valid checkpoint",
                "7:the checkpoint is newer than the component found"})
    static final class Reset implements Callable<Integer> {
        @Mixin
        JobOptions options;

        @Option(names = "--set", required = true, paramLabel = "KEY=VALUE",
                description = "a field of $checkpoint and its new value; repeatable")
        Map<String, String> values;

        @Mixin
        CheckpointTarget.SplitOptions splits;

        @Mixin
        ComponentLookup.JarOptions jars;

        @Option(names = "--unchecked", description = "write without checking the change against the component "
                + "(when its jar is not at hand); a value keeps the JSON type of the field it replaces")
        boolean unchecked;

        @Override
        public Integer call() {
            try (CheckpointStore store = options.store.open()) {
                store.lockForWriting(options.job);
                CheckpointTarget.Target target = CheckpointTarget.resolve(store, options.job, splits, "reset",
                        CheckpointTarget.Use.CHANGE, false);
                CheckpointEnvelope latest = store.loadLatest(options.job, target.partition())
                        .orElseThrow(() -> new RunnerException(ExitCodes.STORE_FAILED, target.describe()
                                + " has no checkpoint to reset in " + store));
                JsonObject changed;
                if (unchecked) {
                    changed = CheckpointEdit.set(latest.checkpoint(), values);
                    System.err.println("connectorkit: warning: --unchecked: the change is not checked against "
                            + latest.componentId() + "; a field or value it does not accept stops the job's next run");
                } else {
                    try (ComponentLookup lookup = jars.open()) {
                        changed = CheckedEdit.edit(options.job, latest, values, lookup);
                    }
                }
                String action = "reset " + values.entrySet().stream().map(e -> "--set " + e.getKey() + "=" + e.getValue())
                        .reduce((a, b) -> a + " " + b).orElse("") + (unchecked ? " --unchecked" : "");
                CheckpointEnvelope saved = store.save(options.job, target.partition(), latest.componentId(), changed,
                        Audit.of(options.by, action, Clock.systemUTC()));
                System.out.println(target.describe() + ": saved as #" + saved.generation() + ": "
                        + saved.checkpoint() + " (undo: checkpoint rewind " + target.options() + " --to "
                        + latest.generation() + ")");
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Deletes every checkpoint of a job (a partitioned job's split plan and splits too): its next "
                    + "run starts from the beginning. Cannot be undone.")
    static final class Delete implements Callable<Integer> {
        @Mixin
        JobOptions options;

        @Option(names = "--yes", required = true, description = "confirms that the history is to be deleted")
        boolean yes;

        @Override
        public Integer call() {
            try (CheckpointStore store = options.store.open()) {
                store.delete(options.job);
                System.out.println("job '" + options.job + "': every checkpoint deleted");
                return ExitCodes.OK;
            }
        }
    }

    private static JsonObject describe(CheckpointEnvelope envelope) {
        JsonObjectBuilder builder = Json.createObjectBuilder()
                .add("job", envelope.job())
                .add("partition", envelope.partition())
                .add("generation", envelope.generation())
                .add("createdAt", envelope.createdAt().toString())
                .add("componentId", envelope.componentId())
                .add("version", envelope.version())
                .add("checksum", envelope.checksum())
                .add("checkpoint", envelope.checkpoint());
        builder.add("audit", envelope.audit() == null ? JsonValue.NULL : envelope.audit().toJson());
        return builder.build();
    }

    private static String pretty(JsonObject json) {
        StringWriter text = new StringWriter();
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(text).write(json);
        return text.toString().trim();
    }
}
