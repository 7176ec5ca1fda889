package io.connectorkit.runner;

import io.connectorkit.api.input.checkpoint.Checkpoint.Frequency;
import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.Mapper;
import io.connectorkit.store.CheckpointStore;
import jakarta.json.bind.Jsonb;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code connectorkit run}: runs a connector to its end, resuming from the job's latest checkpoint. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a connector with durable checkpoints, resuming from the job's latest one.",
            "Records go to --output as JSON lines, appended, so a resumed job continues the same file."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:the job finished",
            "1:the connector failed (after --retries)",
            "2:bad command line",
            "3:--fail-after simulated a crash",
            "4:no such component (the known ones are listed), or one declared by two jars or built by another release",
            "5:bad configuration file or values",
            "6:the checkpoint store cannot be opened, is locked by another runner, holds no valid checkpoint, lost "
                    + "the job's checkpoints (deleted by hand: see --start-over), or this run lost the job's writer "
                    + "lock to another runner (stopped without saving)",
            "7:the saved checkpoint was written by a newer version of the component",
            "8:the output cannot be written, or another runner is writing it",
            "9:stopped by SIGTERM or SIGINT (Ctrl-C) after saving the final checkpoint; run again to resume",
            "130/143:a second SIGINT/SIGTERM, or --stop-grace-ms passed: exited at once without the final checkpoint"})
final class RunCommand implements Callable<Integer> {

    @Option(names = "--family", required = true, description = "the component family, e.g. checkpoint")
    String family;

    @Option(names = "--name", required = true, description = "the component name, e.g. list-input")
    String name;

    @Option(names = "--configuration", paramLabel = "FILE.json",
            description = "the component's configuration as nested JSON: {\"configuration\": {\"total\": 10}}")
    Path configuration;

    @Mixin
    ComponentLookup.JarOptions jars;

    @Option(names = "--store", paramLabel = "file:DIR|jdbc:URL|s3://BUCKET/PREFIX", defaultValue = StoreSpec.DEFAULT,
            description = "where checkpoints are kept (default: ${DEFAULT-VALUE})")
    String store;

    @Mixin
    S3StoreOptions s3;

    @Mixin
    PasswordOption password;

    @Option(names = "--retention", defaultValue = "10", description = "checkpoint generations kept (default: ${DEFAULT-VALUE})")
    int retention;

    @Option(names = "--job", description = "the job id (default: <family>-<name>)")
    String job;

    @Option(names = "--output", paramLabel = "FILE.jsonl", description = "where records go (default: standard output)")
    Path output;

    @Option(names = "--sink", paramLabel = "jdbc:URL", description = "write records to a database table instead, each "
            + "checkpoint committed with the rows it covers (exactly-once); checkpoints are kept in that database")
    String sink;

    @Option(names = "--table", paramLabel = "NAME", description = "the --sink table (created from the first record "
            + "if missing)")
    String table;

    @ArgGroup(exclusive = true)
    Frequencies frequency;

    /** --every and --every-ms exclude each other. */
    static final class Frequencies {
        @Option(names = "--every", paramLabel = "N", description = "checkpoint every N records (overrides the connector)")
        Long records;

        @Option(names = "--every-ms", paramLabel = "T", description = "checkpoint every T milliseconds (overrides the connector)")
        Long millis;
    }

    @Option(names = "--fail-after", paramLabel = "N", defaultValue = "0",
            description = "simulate a crash after N records: once the checkpoints already taken are saved, exit at once, "
                    + "without stop() or a final checkpoint")
    long failAfter;

    @Option(names = "--start-over", description = "start from the first record although the job's checkpoints were "
            + "deleted by hand (the store still has their trace) and the output already holds records; those stay, "
            + "the new ones are appended. Never ignores a checkpoint that is there")
    boolean startOver;

    @Mixin
    CheckpointSwitch checkpoints;

    @Option(names = "--retries", paramLabel = "K", defaultValue = "0",
            description = "retry a failing connector K times, from the last saved checkpoint (default: ${DEFAULT-VALUE})")
    int retries;

    @Option(names = "--retry-backoff-ms", defaultValue = "500", hidden = true)
    long retryBackoffMillis;

    /** How long a JDBC store waits for a claim row another transaction locked; tests shorten it. */
    @Option(names = "--lock-timeout-ms", defaultValue = "10000", hidden = true)
    long lockTimeoutMillis;

    @Option(names = "--sync-saves", description = "wait for each checkpoint to be durable before reading on: "
            + "duplicates after a crash stay within one interval, at the cost of speed")
    boolean syncSaves;

    @Option(names = "--save-pause-ms", paramLabel = "T", defaultValue = "100", description = "least time between two "
            + "background checkpoint saves; checkpoints taken meanwhile are coalesced and the newest is saved "
            + "(default: ${DEFAULT-VALUE}; 0 saves as fast as the store allows)")
    long savePauseMillis;

    @Option(names = "--parallelism", paramLabel = "N", description = "for a partitioned input: the most splits read "
            + "at once, each on its own thread (default: the number of cores, here ${DEFAULT-VALUE})")
    int parallelism = Runtime.getRuntime().availableProcessors();

    @Option(names = "--split-size", paramLabel = "S", description = "for a partitioned input's first run: the desired "
            + "size of a split, in the unit of the component's size estimate (bytes, keys...); default: the estimate "
            + "divided by --parallelism. A resume keeps the splits it saved")
    long splitSize;

    @Option(names = "--max-records", paramLabel = "N", defaultValue = "0", description = "stop after N records, as a "
            + "signal stops the run (final checkpoint saved), and exit 0; for an input that never ends")
    long maxRecords;

    @Option(names = "--max-duration", paramLabel = "T", converter = DurationOption.class, description = "stop after "
            + "T (500ms, 30s, 15m, 2h), as a signal stops the run (final checkpoint saved), and exit 0")
    Duration maxDuration;

    @Option(names = "--metrics", paramLabel = "FILE", description = "write metrics in Prometheus text format, every 5 s and at the end")
    Path metricsFile;

    @Option(names = "--quiet", description = "no progress line")
    boolean quiet;

    @Option(names = "--stop-grace-ms", paramLabel = "T", defaultValue = "30000", description = "on SIGTERM or Ctrl-C, "
            + "the time the stop (final checkpoint, output flushed) may take before the runner exits at once without "
            + "it (default: ${DEFAULT-VALUE})")
    long stopGraceMillis;

    private final PrintStream log = System.err;
    private final StopRequest stop;

    /** @param stop set by SIGTERM and SIGINT while the job runs */
    RunCommand(StopRequest stop) {
        this.stop = stop;
    }

    @Override
    @SuppressWarnings("try") // the progress line is closed inside the try, so that it ends before the outcome prints
    public Integer call() {
        validate();
        Map<String, String> flat = configuration == null ? Map.of() : flatten(configuration);
        String jobId = job != null ? job : family + "-" + name;
        JobSettings settings = new JobSettings(family, name, flat, jobId, failAfter, retries,
                Duration.ofMillis(retryBackoffMillis), startOver);
        String secret = password.password();
        RunnerMetrics metrics = new RunnerMetrics(metricsFile != null);
        MetricsFileWriter metricsWriter = metricsFile == null ? null
                : MetricsFileWriter.start(metrics, metricsFile, log);
        JobRunner.Outcome outcome;
        RunLimits limits = new RunLimits(maxRecords, maxDuration); // the duration counts from here
        boolean partitioned = false;
        try (ComponentLookup components = components();
                StoreSpec.RunStore opened = StoreSpec.openForRun(store, sink, retention,
                        Duration.ofMillis(lockTimeoutMillis), secret, s3);
                CheckpointStore checkpoints = new TimedStore(opened.store(), metrics);
                LazyJsonb jsonb = new LazyJsonb();
                StreamOutputs streams = new StreamOutputs(jsonb);
                ProgressLine progress = ProgressLine.start(metrics, quiet)) {
            stop.begin(Duration.ofMillis(stopGraceMillis), line -> progress.println(log, line));
            checkpoints.lockForWriting(jobId);
            // Outputs are opened (and a cut last line repaired) only once the job starts: a refused run leaves them
            // alone, and a second runner never touches the file the job's running writer appends to.
            Supplier<String> recordsAlreadyOut = sink != null ? () -> JdbcJobOutput.rowsAlreadyIn(sink, secret, table)
                    : output != null ? () -> RecordOutput.recordsAlreadyIn(output) : () -> null;
            ComponentManager manager = components.manager();
            Mapper whole = JobRunner.findMapper(manager, settings, flat);
            partitioned = whole.partitioned()
                    && !JobRunner.startedAsOneInput(checkpoints, jobId, whole.componentId(), log);
            // Splits write the shared output through line buffers of their own; a plain job writes it directly.
            boolean splitLines = partitioned;
            OutputOpener outputs = sink != null
                    ? (partition, durable) -> JdbcJobOutput.open(sink, secret, table, opened.sinkStore(), jobId,
                            partition, metrics, durable)
                    : (partition, durable) -> new StreamJobOutput(splitLines ? new SplitLines(streams.get())
                            : streams.get(), checkpoints, jobId, partition, syncSaves,
                            Duration.ofMillis(savePauseMillis), durable);
            if (partitioned && (maxRecords > 0 || maxDuration != null)) {
                throw new RunnerException(ExitCodes.USAGE, "--max-records and --max-duration are for a component "
                        + "read as one input; " + whole.componentId() + " is read in splits");
            }
            if (partitioned) {
                SplitRun run = new SplitRun(settings, whole, checkpoints, outputs, metrics, log, stop,
                        manager.isCheckpointingEnabled());
                outcome = new PartitionedJobRunner(run, parallelism, splitSize, recordsAlreadyOut).run();
            } else {
                outcome = new JobRunner(settings, manager, checkpoints, outputs, recordsAlreadyOut, metrics, log,
                        stop, limits).run();
            }
            progress.close();
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        } finally {
            stop.end(); // the output and the store are closed: what was to be saved is saved
            if (metricsWriter != null) {
                metricsWriter.close(); // the last metrics file, written once the job is over
            }
        }
        long generation = metrics.lastSavedGeneration();
        if (partitioned) {
            return SplitsSummary.print(outcome, jobId, metrics, quiet, stop.signal(), log);
        }
        if (outcome == JobRunner.Outcome.STOPPED) {
            log.println("connectorkit: " + stop.signal() + ": stopped after " + metrics.records() + " records, "
                    + (generation == 0 ? "no new checkpoint saved" : "final checkpoint #" + generation + " saved")
                    + "; run again to resume");
            return ExitCodes.STOPPED;
        }
        if (outcome == JobRunner.Outcome.LIMIT_REACHED) {
            log.println("connectorkit: job '" + jobId + "' stopped at " + limits.reached() + ": "
                    + metrics.records() + " records, " + (generation == 0
                    ? "no new checkpoint saved" : "final checkpoint #" + generation + " saved") + "; run again to go on");
            return ExitCodes.OK;
        }
        if (!quiet) {
            log.println("connectorkit: job '" + jobId + "' finished: " + metrics.records() + " records, "
                    + (generation == 0 ? "no new checkpoint" : "last checkpoint #" + generation));
        }
        return ExitCodes.OK;
    }

    /** The configuration file's keys; nested deeper than the runtime reads is a bad configuration naming the file. */
    private static Map<String, String> flatten(Path file) {
        try {
            return ComponentManager.jsonToMap(ConfigurationFile.read(file));
        } catch (IllegalArgumentException e) {
            throw new RunnerException(ExitCodes.BAD_CONFIGURATION, "configuration file " + file + ": "
                    + PrintableText.of(e.getMessage(), 500), e);
        }
    }

    /** The records file (or standard output), opened at the first attempt and kept across retries. */
    private final class StreamOutputs implements AutoCloseable {
        private final Supplier<Jsonb> jsonb;
        private RecordOutput records;

        StreamOutputs(Supplier<Jsonb> jsonb) {
            this.jsonb = jsonb;
        }

        synchronized RecordOutput get() { // the splits of a partitioned job open it from their threads
            if (records == null) {
                records = output == null ? RecordOutput.stdout(jsonb)
                        : RecordOutput.append(output, jsonb, RunCommand.this::warnCut);
            }
            return records;
        }

        @Override
        public void close() {
            if (records != null) {
                records.close();
            }
        }
    }

    private void validate() {
        atLeast("--retention", retention, 1);
        atLeast("--fail-after", failAfter, 0);
        atLeast("--retries", retries, 0);
        atLeast("--retry-backoff-ms", retryBackoffMillis, 0);
        atLeast("--save-pause-ms", savePauseMillis, 0);
        atLeast("--stop-grace-ms", stopGraceMillis, 0);
        atLeast("--lock-timeout-ms", lockTimeoutMillis, 1);
        atLeast("--parallelism", parallelism, 1);
        atLeast("--split-size", splitSize, 0);
        atLeast("--max-records", maxRecords, 0);
        if (frequency != null && frequency.records != null) {
            atLeast("--every", frequency.records, 1);
        }
        if (frequency != null && frequency.millis != null) {
            atLeast("--every-ms", frequency.millis, 1);
        }
        if (sink != null && (!sink.startsWith("jdbc:") || table == null || output != null || storeGiven())) {
            throw new RunnerException(ExitCodes.USAGE, "--sink needs a jdbc: URL and --table, and excludes --output "
                    + "and --store (the checkpoints are kept in the sink's database, committed with the rows)");
        }
        if (sink == null && table != null) {
            throw new RunnerException(ExitCodes.USAGE, "--table is the table of --sink jdbc:URL");
        }
    }

    /** Refuses {@code value} below {@code least}, naming the one option that is wrong. */
    private static void atLeast(String option, long value, long least) {
        if (value < least) {
            throw new RunnerException(ExitCodes.USAGE, option + " must be " + least + " or more, got " + value);
        }
    }

    private boolean storeGiven() {
        return !StoreSpec.DEFAULT.equals(store);
    }

    /** The components of the runner's class path and {@code --jar}s, with this run's checkpoint settings. */
    private ComponentLookup components() {
        ComponentManager.Builder builder = checkpoints.applyTo(ComponentManager.builder(), System.getProperties(), log);
        if (frequency != null) {
            builder.checkpointFrequency(frequency.records != null ? Frequency.RECORD : Frequency.TIME,
                    frequency.records != null ? frequency.records : frequency.millis);
        }
        return ComponentLookup.open(jars.jars, builder);
    }

    private void warnCut(long bytes) {
        if (bytes > 0) {
            log.println("connectorkit: removed a cut last line (" + bytes + " bytes) from " + output
                    + ": a record written after the last checkpoint; it is read again");
        }
    }
}
