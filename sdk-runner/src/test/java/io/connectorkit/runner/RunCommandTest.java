package io.connectorkit.runner;

import static io.connectorkit.runner.Cli.fileStore;
import static io.connectorkit.runner.Cli.ids;
import static io.connectorkit.runner.Cli.listInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.store.CheckpointEnvelope;
import io.connectorkit.store.FileCheckpointStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run}: a full run, resuming a finished or grown job, the job id, checkpoint frequency overrides. */
class RunCommandTest {

    private static final String DEFAULT_JOB = "checkpoint-list-input";

    @TempDir
    Path dir;

    private Path store() {
        return dir.resolve("store");
    }

    private Cli.Result run(Path configuration, Path output, String... more) {
        String[] base = {"run", "--family", "checkpoint", "--name", "list-input", "--configuration",
            configuration.toString(), "--store", fileStore(store()), "--output", output.toString(), "--quiet"};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return Cli.run(args);
    }

    private CheckpointEnvelope latest(String job) {
        try (FileCheckpointStore store = new FileCheckpointStore(store())) {
            return store.loadLatest(job, JobPartitions.SINGLE).orElseThrow(() -> new AssertionError("no checkpoint"));
        }
    }

    private List<Integer> savedSinceIds(String job) {
        try (FileCheckpointStore store = new FileCheckpointStore(store())) {
            return store.history(job, JobPartitions.SINGLE).stream()
                    .map(info -> store.load(job, JobPartitions.SINGLE, info.generation()).orElseThrow())
                    .map(e -> e.checkpoint().getJsonObject("$checkpoint").getInt("sinceId"))
                    .toList();
        }
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void aFullRunWritesEveryRecordOnceAndSavesTheFinalCheckpointUnderTheDefaultJobId() {
        Path output = dir.resolve("out.jsonl");

        run(listInput(dir, 25, 10), output).assertCode(0);

        assertEquals(range(1, 25), ids(output));
        CheckpointEnvelope latest = latest(DEFAULT_JOB);
        assertEquals(25, latest.checkpoint().getJsonObject("$checkpoint").getInt("sinceId"));
        assertEquals(2, latest.checkpoint().getJsonObject("$checkpoint").getInt("__version"));
        assertEquals("checkpoint/list-input", latest.componentId());
    }

    @Test
    void aSecondRunOfAFinishedJobResumesAndWritesNothingNew() {
        Path output = dir.resolve("out.jsonl");
        Path configuration = listInput(dir, 25, 10);
        run(configuration, output).assertCode(0);
        long generation = latest(DEFAULT_JOB).generation();

        run(configuration, output).assertCode(0).assertErrContains("resumes from checkpoint #" + generation);
        run(configuration, output).assertCode(0);

        assertEquals(range(1, 25), ids(output));
        assertEquals(generation, latest(DEFAULT_JOB).generation(), "an unchanged checkpoint is not saved again");
        assertEquals(25, latest(DEFAULT_JOB).checkpoint().getJsonObject("$checkpoint").getInt("sinceId"));
    }

    @Test
    void aResumedRunWithABiggerTotalWritesOnlyTheNewRecords() {
        Path output = dir.resolve("out.jsonl");
        run(listInput(dir, 25, 10), output).assertCode(0);

        run(listInput(dir, 40, 10), output).assertCode(0);

        assertEquals(range(1, 40), ids(output));
        assertEquals(40, latest(DEFAULT_JOB).checkpoint().getJsonObject("$checkpoint").getInt("sinceId"));
    }

    @Test
    void jobIdsKeepTheCheckpointsOfTwoJobsApart() {
        Path configuration = listInput(dir, 15, 5);
        run(configuration, dir.resolve("a.jsonl"), "--job", "job-a").assertCode(0);

        run(configuration, dir.resolve("b.jsonl"), "--job", "job-b").assertCode(0);

        assertEquals(range(1, 15), ids(dir.resolve("b.jsonl")), "job-b starts from scratch, not from job-a's checkpoint");
        try (FileCheckpointStore store = new FileCheckpointStore(store())) {
            assertEquals(List.of("job-a", "job-b"), store.jobs());
        }
    }

    @Test
    void everyOverridesTheConnectorsRecordInterval() {
        // batchSize 1: every record is a safe point, and the connector's own interval is one record.
        Path configuration = listInput(dir, 20, 1);

        run(configuration, dir.resolve("default.jsonl"), "--job", "default", "--sync-saves", "--retention", "100")
                .assertCode(0);
        run(configuration, dir.resolve("every.jsonl"), "--job", "every5", "--sync-saves", "--retention", "100",
                "--every", "5").assertCode(0);

        assertEquals(range(1, 20), savedSinceIds("default"));
        assertEquals(List.of(5, 10, 15, 20), savedSinceIds("every5"));
        assertEquals(range(1, 20), ids(dir.resolve("every.jsonl")));
    }

    @Test
    void everyMsOverridesTheConnectorWithATimeInterval() {
        Path configuration = listInput(dir, 20, 1);

        // An hour never passes during the run: only the final checkpoint of stop() is saved.
        run(configuration, dir.resolve("out.jsonl"), "--sync-saves", "--retention", "100", "--every-ms", "3600000")
                .assertCode(0);

        assertEquals(List.of(20), savedSinceIds(DEFAULT_JOB));
    }

    @Test
    void anOutputThatIsADeviceIsWrittenWithoutForcingIt() {
        Path devNull = Path.of("/dev/null");
        Assumptions.assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull), "needs /dev/null");

        Cli.Result result = run(listInput(dir, 2_000, 100), devNull, "--save-pause-ms", "0");

        result.assertCode(0);
        assertEquals(2_000, latest(DEFAULT_JOB).checkpoint().getJsonObject("$checkpoint").getInt("sinceId"));
    }

    @Test
    void aNegativeSavePauseIsAUsageError() {
        Path output = dir.resolve("out.jsonl");

        Cli.Result result = run(listInput(dir, 5, 1), output, "--save-pause-ms", "-5");

        result.assertCode(2).assertErrContains("--save-pause-ms must be 0 or more, got -5");
        assertFalse(output.toFile().exists());
    }

    @Test
    void everyAndEveryMsExcludeEachOther() {
        Path output = dir.resolve("out.jsonl");

        Cli.Result result = run(listInput(dir, 5, 1), output, "--every", "2", "--every-ms", "100");

        result.assertCode(2).assertErrContains("--every", "--every-ms", "mutually exclusive");
        assertFalse(output.toFile().exists());
    }

    @Test
    void noCheckpointsSavesNoCheckpoint() {
        Path output = dir.resolve("out.jsonl");

        run(listInput(dir, 12, 5), output, "--no-checkpoints").assertCode(0);

        assertEquals(range(1, 12), ids(output));
        try (FileCheckpointStore store = new FileCheckpointStore(store())) {
            assertEquals(List.of(), store.jobs());
            assertTrue(store.history(DEFAULT_JOB, JobPartitions.SINGLE).isEmpty());
        }
    }

    @Test
    void theFormerNameDisableFeatureStillRunsWithoutCheckpointing() {
        Path output = dir.resolve("out.jsonl");

        run(listInput(dir, 12, 5), output, "--disable-feature").assertCode(0);

        assertEquals(range(1, 12), ids(output));
        try (FileCheckpointStore store = new FileCheckpointStore(store())) {
            assertEquals(List.of(), store.jobs());
        }
    }

    @Test
    void theCheckpointPropertyStillWorksWithTheRunner() {
        Path output = dir.resolve("out.jsonl");
        String[] args = {"run", "--family", "checkpoint", "--name", "list-input", "--configuration",
            listInput(dir, 12, 5).toString(), "--store", fileStore(store()), "--output", output.toString(), "--quiet"};

        Cli.forkWith(dir, List.of("-D" + CheckpointSwitch.PROPERTY + "=true"), args).assertCode(0);

        assertEquals(range(1, 12), ids(output));
        assertEquals(12, latest(DEFAULT_JOB).checkpoint().getJsonObject("$checkpoint").getInt("sinceId"));
    }

    @Test
    void checkpointKeysInTheConfigurationWithNoCheckpointsAreIgnoredSayingHowToResumeWithTheRunner() {
        Path configuration = Cli.write(dir.resolve("with-checkpoint.json"), "{\"configuration\": {\"total\": 12, "
                + "\"batchSize\": 5}, \"$checkpoint\": {\"sinceId\": 10}}");
        Path output = dir.resolve("out.jsonl");

        Cli.Result result = Cli.fork(dir, "run", "--family", "checkpoint", "--name", "list-input", "--configuration",
                configuration.toString(), "--store", fileStore(store()), "--output", output.toString(), "--quiet",
                "--no-checkpoints").assertCode(0);

        assertEquals(range(1, 12), ids(output), "started from the configuration");
        result.assertErrContains("[$checkpoint.sinceId] are ignored", "To resume, run without --no-checkpoints (and without -Dconnectorkit.checkpoint.enabled=false).");
    }

    @Test
    void noCheckpointsIgnoresASavedCheckpointWithAWarningNamingItsKeys() {
        Path configuration = listInput(dir, 12, 5);
        run(configuration, dir.resolve("first.jsonl")).assertCode(0);
        long generation = latest(DEFAULT_JOB).generation();

        Cli.Result result = run(configuration, dir.resolve("second.jsonl"), "--no-checkpoints").assertCode(0);

        assertEquals(range(1, 12), ids(dir.resolve("second.jsonl")), "started from the first record");
        result.assertErrContains("--no-checkpoints: the saved checkpoint", "$checkpoint.sinceId",
                "$checkpoint.__version", "ignored");
        assertFalse(result.err().contains("resumes from checkpoint"), result.err());
        assertEquals(generation, latest(DEFAULT_JOB).generation(), "nothing saved");
        assertEquals(12, latest(DEFAULT_JOB).checkpoint().getJsonObject("$checkpoint").getInt("sinceId"));
    }
}
