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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code connectorkit checkpoint ...}: inspect and change a stopped job's checkpoints. Every change is saved as a new
 * generation carrying who did what and when, so it shows in the history and can be undone with {@code rewind}.
 */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
        description = "Inspects and changes a stopped job's checkpoints; every change is a new generation.",
        subcommands = {CheckpointCommand.ListJobs.class, CheckpointCommand.Show.class, CheckpointCommand.History.class,
            CheckpointCommand.Rewind.class, CheckpointCommand.Reset.class, CheckpointCommand.Delete.class})
final class CheckpointCommand {

    /** The options every checkpoint command takes. */
    static final class StoreOptions {
        @Option(names = "--store", paramLabel = "file:DIR|jdbc:URL", defaultValue = StoreSpec.DEFAULT,
                description = "where checkpoints are kept (default: ${DEFAULT-VALUE})")
        String store;

        @Mixin
        PasswordOption password;

        @Option(names = "--retention", description = "generations kept after a rewind or reset (default: all that "
                + "are kept now; the job's next run prunes to its own --retention)")
        Integer retention;

        CheckpointStore open() {
            // An operator's change must not silently delete the history it may want to go back to.
            return StoreSpec.open(store, retention == null ? Integer.MAX_VALUE : retention,
                    JdbcCheckpointStore.DEFAULT_LOCK_TIMEOUT, password.password());
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

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the jobs that have checkpoints.")
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
                        latest = store.loadLatest(job, JobPartitions.SINGLE)
                                .map(e -> "#" + e.generation() + "  " + e.createdAt() + "  " + e.componentId())
                                .orElse("(no checkpoint in partition " + JobPartitions.SINGLE + ")");
                    } catch (CheckpointStoreException e) {
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
            description = "Shows the latest checkpoint of a job (or --generation), with its envelope.")
    static final class Show implements Callable<Integer> {
        @Mixin
        JobOptions options;

        @Option(names = "--generation", description = "a given generation instead of the latest")
        Long generation;

        @Override
        public Integer call() {
            try (CheckpointStore store = options.store.open()) {
                CheckpointEnvelope envelope = (generation == null
                        ? store.loadLatest(options.job, JobPartitions.SINGLE)
                        : store.load(options.job, JobPartitions.SINGLE, generation))
                        .orElseThrow(() -> new RunnerException(ExitCodes.STORE_FAILED, "job '" + options.job
                                + "' has no checkpoint" + (generation == null ? "" : " generation " + generation)
                                + " in " + store));
                System.out.println(pretty(describe(envelope)));
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "Lists the generations kept for a job.")
    static final class History implements Callable<Integer> {
        @Mixin
        JobOptions options;

        @Override
        public Integer call() {
            try (CheckpointStore store = options.store.open()) {
                List<CheckpointInfo> history = store.history(options.job, JobPartitions.SINGLE);
                if (history.isEmpty()) {
                    System.out.println("job '" + options.job + "' has no checkpoint in " + store);
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
            description = "Makes an earlier generation the latest again (saved as a new generation).")
    static final class Rewind implements Callable<Integer> {
        @Mixin
        JobOptions options;

        @Option(names = "--to", required = true, paramLabel = "GEN", description = "the generation to go back to")
        long generation;

        @Override
        public Integer call() {
            try (CheckpointStore store = options.store.open()) {
                store.lockForWriting(options.job);
                CheckpointEnvelope saved = store.rewind(options.job, JobPartitions.SINGLE, generation, options.by,
                        Clock.systemUTC());
                System.out.println("job '" + options.job + "': generation " + generation + " saved again as #"
                        + saved.generation() + ": " + saved.checkpoint());
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Changes fields of the latest checkpoint (saved as a new generation), e.g. --set sinceId=0.",
                "The change is checked first against the @Checkpoint class of the component that wrote the checkpoint "
                        + "(found on the runner's class path or in --jar): an unknown field or a value that does not "
                        + "fit is refused and nothing is written."},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                "0:the new generation is saved",
                "2:bad command line, or __version, a list or an object given to --set",
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
        ComponentLookup.JarOptions jars;

        @Option(names = "--unchecked", description = "write without checking the change against the component "
                + "(when its jar is not at hand); a value keeps the JSON type of the field it replaces")
        boolean unchecked;

        @Override
        public Integer call() {
            try (CheckpointStore store = options.store.open()) {
                store.lockForWriting(options.job);
                CheckpointEnvelope latest = store.loadLatest(options.job, JobPartitions.SINGLE)
                        .orElseThrow(() -> new RunnerException(ExitCodes.STORE_FAILED, "job '" + options.job
                                + "' has no checkpoint to reset in " + store));
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
                CheckpointEnvelope saved = store.save(options.job, JobPartitions.SINGLE, latest.componentId(), changed,
                        Audit.of(options.by, action, Clock.systemUTC()));
                System.out.println("job '" + options.job + "': saved as #" + saved.generation() + ": "
                        + saved.checkpoint() + " (undo: checkpoint rewind --job " + options.job + " --to "
                        + latest.generation() + ")");
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Deletes every checkpoint of a job: its next run starts from the beginning. Cannot be undone.")
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
