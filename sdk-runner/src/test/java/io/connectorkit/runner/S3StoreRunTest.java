package io.connectorkit.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.store.s3.S3CheckpointStore;
import io.connectorkit.store.s3.S3Location;
import io.connectorkit.store.s3.testserver.S3TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walk-through of docs/stores.md ("An S3 store"), against the test S3 server: a job run with
 * {@code --store s3://...}, crashed, inspected with {@code ck checkpoint} and resumed, with the credentials in the
 * environment as an operator sets them; they are never printed.
 */
class S3StoreRunTest {

    private final S3TestServer server = S3TestServer.shared();
    private final S3Location location = server.newLocation();
    private final Map<String, String> environment = Map.of(
            "AWS_ACCESS_KEY_ID", S3TestServer.ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY", S3TestServer.SECRET_KEY,
            "CONNECTORKIT_S3_ENDPOINT", server.endpoint().toString(),
            "CONNECTORKIT_S3_REGION", "us-east-1",
            "CONNECTORKIT_S3_PATH_STYLE", "true");

    @TempDir
    Path dir;

    private Cli.Result ck(String... args) {
        Cli.Result result = Cli.forkWithEnvironment(dir, environment, args);
        assertFalse(result.all().contains(S3TestServer.SECRET_KEY), "the secret key is never printed");
        return result;
    }

    @Test
    void aJobRunsCrashesIsInspectedAndResumesOnAnS3Store() {
        Path configuration = Cli.listInput(dir, 5_000, 100);
        Path output = dir.resolve("out.jsonl");
        String store = location.toString();

        Cli.Result crashed = ck("run", "--family", "checkpoint", "--name", "list-input", "--configuration",
                configuration.toString(), "--output", output.toString(), "--store", store, "--job", "demo",
                "--every", "1000", "--fail-after", "3456");
        assertTrue(crashed.err().contains("simulating a crash"), crashed.err());

        Cli.Result jobs = ck("checkpoint", "list", "--store", store).assertCode(0);
        assertTrue(jobs.out().contains("demo"), jobs.out());
        Cli.Result history = ck("checkpoint", "history", "--store", store, "--job", "demo").assertCode(0);
        assertTrue(history.out().contains("checkpoint/list-input"), history.out());

        Cli.Result resumed = ck("run", "--family", "checkpoint", "--name", "list-input", "--configuration",
                configuration.toString(), "--output", output.toString(), "--store", store, "--job", "demo",
                "--every", "1000").assertCode(0);
        // The crash came after record 3,456: the checkpoint covering 3,000 was saved before it.
        assertTrue(resumed.all().contains("job 'demo' resumes from checkpoint #")
                && resumed.all().contains("\"sinceId\":3000"), resumed.all());
        List<Integer> ids = Cli.ids(output);
        assertEquals(IntStream.rangeClosed(1, 5_000).boxed().toList(), ids.stream().distinct().sorted().toList());
    }

    @Test
    void keepYoungerThanKeepsTheGenerationsOfTheLastHourBeyondTheRetention() {
        Path configuration = Cli.listInput(dir, 5_000, 100);
        String store = location.toString();
        for (String job : List.of("pruned", "kept")) {
            List<String> run = new ArrayList<>(List.of("run", "--family", "checkpoint", "--name", "list-input",
                    "--configuration", configuration.toString(), "--output", dir.resolve(job + ".jsonl").toString(),
                    "--store", store, "--job", job, "--every", "1000", "--sync-saves", "--retention", "1"));
            if (job.equals("kept")) {
                run.addAll(List.of("--s3-keep-younger-than", "1h"));
            }
            ck(run.toArray(String[]::new)).assertCode(0);
        }

        try (S3CheckpointStore reader = server.store(location).build()) {
            assertEquals(1, reader.history("pruned", JobPartitions.SINGLE).size(), "--retention 1 alone keeps the newest generation");
            assertTrue(reader.history("kept", JobPartitions.SINGLE).size() >= 5, "saved within the hour, every generation is kept: "
                    + reader.history("kept", JobPartitions.SINGLE).size());
        }
    }

    @Test
    void aMalformedKeepYoungerThanIsAUsageError() {
        ck("run", "--family", "checkpoint", "--name", "list-input", "--store", location.toString(),
                "--s3-keep-younger-than", "a day").assertCode(ExitCodes.USAGE)
                .assertErrContains("'a day' is not a duration");
    }

    @Test
    void aRunnerWhoseNextGenerationAnotherWriterTookStopsWithExitSix() throws Exception {
        Path configuration = Cli.write(dir.resolve("long.json"),
                "{\"configuration\": {\"total\": 100000000, \"batchSize\": 1}}");
        Path log = dir.resolve("runner.log");
        Process runner = Cli.start(log, List.of("-Daws.accessKeyId=" + S3TestServer.ACCESS_KEY,
                        "-Daws.secretAccessKey=" + S3TestServer.SECRET_KEY),
                "run", "--family", "checkpoint", "--name", "list-input", "--configuration", configuration.toString(),
                "--output", dir.resolve("out.jsonl").toString(), "--store", location.toString(), "--s3-endpoint",
                server.endpoint().toString(), "--s3-path-style", "--s3-region", "us-east-1", "--job", "taken",
                "--every", "1000", "--sync-saves", "--quiet");
        try (S3CheckpointStore reader = server.store(location).build()) {
            long newest = 0;
            while (newest == 0 && runner.isAlive()) {
                newest = reader.loadLatest("taken", JobPartitions.SINGLE).map(e -> e.generation()).orElse(0L);
                Thread.sleep(20);
            }
            // Another writer wrote the generations ahead of the runner, as one that took the job over would.
            String partition = location.prefix() + "taken/partitions/" + JobPartitions.SINGLE + "/";
            for (long generation = newest + 1; generation <= newest + 1000; generation++) {
                String key = partition + String.format("checkpoint-%020d.json", generation);
                server.client().putObject(b -> b.bucket(location.bucket()).key(key),
                        software.amazon.awssdk.core.sync.RequestBody.fromString("another writer's"));
            }
        }
        assertTrue(runner.waitFor(2, java.util.concurrent.TimeUnit.MINUTES), "the runner stops");
        String output = java.nio.file.Files.readString(log);
        assertEquals(ExitCodes.STORE_FAILED, runner.exitValue(), output);
        assertTrue(output.contains("another writer is writing the job"), output);
        assertFalse(output.contains(S3TestServer.SECRET_KEY));
    }

    @Test
    void aMalformedS3LocationIsAUsageErrorNamingIt() {
        Cli.Result result = ck("checkpoint", "list", "--store", "s3://");
        assertEquals(ExitCodes.USAGE, result.code(), result.all());
        assertTrue(result.err().contains("invalid S3 bucket name ''"), result.err());
    }
}
