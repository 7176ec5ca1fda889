package io.connectorkit.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.Mapper;
import io.connectorkit.runtime.SplitPlan;
import io.connectorkit.store.Audit;
import io.connectorkit.store.CheckpointEnvelope;
import io.connectorkit.store.CheckpointStore;
import io.connectorkit.store.FileCheckpointStore;
import io.connectorkit.store.ForwardingCheckpointStore;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.JsonbBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the runner guarantees every partitioned input, run by the command line over a file store: the splits together
 * read each record of the reference exactly once; the plan is saved before the first record; a crashed job resumes
 * from its saved plan without splitting again and skips its finished splits; a changed configuration is refused
 * naming what changed, with nothing touched; finished splits' checkpoints are pruned when the job ends. A subclass
 * gives the connector, its source, configurations and reference read.
 */
abstract class PartitionedJobContract {

    @TempDir
    Path dir;

    /** {@code family/name} of the partitioned component. */
    abstract String component();

    /** The job's configuration, as nested JSON; its source exists (made in a {@code @BeforeEach}). */
    abstract String configuration();

    /** A configuration that differs from {@link #configuration()} in {@code changedKey}. */
    abstract String changedConfiguration();

    /** The flattened key {@link #changedConfiguration()} changes, as the error names it. */
    abstract String changedKey();

    /** The identities of the records the whole configuration reads, in any order, duplicates kept. */
    abstract List<String> reference();

    /** A record's identity, as {@link #reference()} gives it. */
    abstract String identity(JsonObject record);

    /** Arguments every run is given, such as {@code --split-size} or {@code --every}. */
    List<String> runArguments() {
        return List.of();
    }

    /** Changes the source after a crash, the way a new split would come from splitting again (a new file, say). */
    void changeSourceAfterCrash() throws Exception {
    }

    /** Checks made after the resume of a crashed job, such as that the component was not split again. */
    void afterResume() {
    }

    @Test
    void theSplitsReadEveryRecordOnceAndTheirCheckpointsArePrunedAtTheEnd() throws Exception {
        run("--parallelism", "2").assertCode(0);

        assertEquals(sorted(reference()), sorted(outputIdentities()), "each record read exactly once");
        SplitPlan plan = savedPlan();
        assertTrue(plan.entries().size() >= 2, "the job was split: " + plan);
        assertTrue(plan.isFinished(), "every split finished: " + plan);
        try (FileCheckpointStore store = store()) {
            for (var split : plan.splits()) {
                assertEquals(List.of(), store.history(job(), split.id()), "split " + split.id() + " pruned");
            }
        }
        run("--parallelism", "2").assertCode(0).assertErrContains("finished its last pass", "each from where it ended");
        assertEquals(reference().size(), outputIdentities().size(), "a finished job's next pass reads nothing again "
                + "from a source that did not grow");
        assertTrue(savedPlan().isFinished());
    }

    @Test
    void thePlanIsSavedBeforeTheFirstRecord() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> flat = ComponentManager.jsonToMap(read(configuration()));
        try (ComponentManager manager = ComponentManager.builder().checkpointing(true).build();
                CheckpointStore store = new ForwardingCheckpointStore(store()) {
                    @Override
                    public CheckpointEnvelope save(String job, String partition, String componentId,
                            JsonObject checkpoint, Audit audit) {
                        events.add(partition.equals(JobPartitions.PLAN) ? "plan" : "split checkpoint");
                        return super.save(job, partition, componentId, checkpoint, audit);
                    }
                };
                RecordOutput output = RecordOutput.append(dir.resolve("out.jsonl"), JsonbBuilder::create, cut -> { })) {
            String[] parts = component().split("/");
            Mapper mapper = manager.findMapper(parts[0], parts[1], 1, flat).orElseThrow();
            JobSettings settings = new JobSettings(parts[0], parts[1], flat, job(), 0, 0, Duration.ofMillis(10), false);
            OutputOpener outputs = (partition, told) -> new StreamJobOutput(new SplitLines(output), store, job(),
                    partition, false, Duration.ZERO, told);
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            SplitRun run = new SplitRun(settings, mapper, new ForwardingCheckpointStore(store) {
                @Override
                public Optional<CheckpointEnvelope> loadLatest(String job, String partition) {
                    if (!partition.equals(JobPartitions.PLAN)) {
                        events.add("split read");
                    }
                    return super.loadLatest(job, partition);
                }
            }, outputs, new RunnerMetrics(false), new PrintStream(log, true, StandardCharsets.UTF_8),
                    new StopRequest(), true);
            assertEquals(JobRunner.Outcome.FINISHED, new PartitionedJobRunner(run, 2, 0, () -> null).run(),
                    log::toString);
        }
        assertEquals("plan", events.get(0), "the plan is saved before any split is opened: " + events);
        assertEquals(1, Collections.frequency(events, "plan") - savedPlan().entries().size(),
                "one plan save, then one per finished split: " + events);
    }

    @Test
    void aCrashedJobResumesFromItsPlanWithoutSplittingAgainAndSkipsItsFinishedSplits() throws Exception {
        int total = reference().size();
        crash(total - Math.max(1, total / 10));
        SplitPlan afterCrash = savedPlan();
        List<String> finished = new ArrayList<>();
        afterCrash.entries().stream().filter(e -> e.status() == SplitPlan.Status.FINISHED)
                .forEach(e -> finished.add(e.split().id()));
        assertFalse(afterCrash.isFinished(), "the crash came before the end: " + afterCrash);
        assertFalse(finished.isEmpty(), "some splits finished before the crash: " + afterCrash);
        changeSourceAfterCrash();

        Cli.Result resumed = run("--parallelism", "2").assertCode(0).assertErrContains("resumes its split plan",
                "it is not split again");

        assertEquals(afterCrash.splits(), savedPlan().splits(), "the same splits, none added");
        afterResume();
        for (String id : finished) {
            assertFalse(resumed.err().contains("split '" + id + "':"), "finished split " + id + " is not read "
                    + "again:\n" + resumed.err());
        }
        List<String> output = outputIdentities();
        assertTrue(output.containsAll(reference()), "no record lost");
        assertEquals(new TreeSet<>(reference()), new TreeSet<>(output),
                "nothing read that the plan does not hold");
    }

    @Test
    void aChangedConfigurationIsRefusedNamingTheKeyAndNothingIsTouched() throws Exception {
        crash(Math.max(1, reference().size() / 2));
        long outputBytes = Files.size(dir.resolve("out.jsonl"));
        int planGenerations;
        try (FileCheckpointStore store = store()) {
            planGenerations = store.history(job(), JobPartitions.PLAN).size();
        }
        Files.writeString(dir.resolve("changed.json"), changedConfiguration());

        run("--configuration", dir.resolve("changed.json").toString(), "--parallelism", "2").assertCode(5)
                .assertErrContains(changedKey(), "never splits again", "checkpoint delete --job " + job());

        assertEquals(outputBytes, Files.size(dir.resolve("out.jsonl")), "the output is untouched");
        try (FileCheckpointStore store = store()) {
            assertEquals(planGenerations, store.history(job(), JobPartitions.PLAN).size(), "the plan is untouched");
        }
    }

    /** Runs the job in a child JVM that crashes after {@code records} records (one thread: a fixed order). */
    private void crash(int records) throws IOException {
        List<String> arguments = new ArrayList<>(runArgs());
        arguments.addAll(List.of("--parallelism", "1", "--fail-after", String.valueOf(records), "--sync-saves"));
        Cli.Result crashed = Cli.fork(dir, arguments.toArray(String[]::new));
        crashed.assertCode(ExitCodes.SIMULATED_CRASH);
    }

    private Cli.Result run(String... more) throws IOException {
        List<String> arguments = new ArrayList<>(runArgs());
        arguments.addAll(List.of(more));
        int first = arguments.indexOf("--configuration");
        if (arguments.lastIndexOf("--configuration") != first) { // a later --configuration replaces the first
            arguments.remove(first + 1);
            arguments.remove(first);
        }
        return Cli.run(arguments.toArray(String[]::new));
    }

    private List<String> runArgs() throws IOException {
        Path configurationFile = dir.resolve("configuration.json");
        Files.writeString(configurationFile, configuration());
        String[] parts = component().split("/");
        List<String> arguments = new ArrayList<>(List.of("run", "--family", parts[0], "--name", parts[1],
                "--configuration", configurationFile.toString(), "--store", "file:" + dir.resolve("store"),
                "--output", dir.resolve("out.jsonl").toString(), "--job", job()));
        arguments.addAll(runArguments());
        return arguments;
    }

    String job() {
        return "partitioned";
    }

    FileCheckpointStore store() {
        return new FileCheckpointStore(dir.resolve("store"));
    }

    SplitPlan savedPlan() {
        try (FileCheckpointStore store = store()) {
            return SavedPlans.load(store, job()).orElseThrow(() -> new AssertionError("no plan saved"));
        }
    }

    List<String> outputIdentities() throws IOException {
        Path output = dir.resolve("out.jsonl");
        List<String> identities = new ArrayList<>();
        if (Files.exists(output)) {
            for (String line : Files.readAllLines(output)) {
                identities.add(identity(read(line)));
            }
        }
        return identities;
    }

    private static JsonObject read(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static List<String> sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }
}
