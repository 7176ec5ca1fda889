package io.connectorkit.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.store.CheckpointEnvelope;
import io.connectorkit.store.CheckpointInfo;
import io.connectorkit.store.s3.S3CheckpointStore;
import io.connectorkit.store.s3.S3Location;
import io.connectorkit.store.s3.testserver.S3TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner with {@code --store s3://...} on the test S3 server (s3proxy in this JVM), killed with SIGKILL at random
 * moments and restarted until the job finishes (each checkpoint saved before reading on, {@code --sync-saves}, so that
 * the job runs long enough to be killed): no record may be missing, and every generation object left in the
 * bucket must be a valid checkpoint. Each restart takes over the claim the killed runner left, at once (its process
 * ended on this machine).
 */
class S3KillLoopTest {

    private static final String JOB = "s3-kill-loop";
    /** Fixed, so that CI runs the same kills every time; -Dcrashloop.seed=N runs others (the seed is in every failure). */
    private static final long SEED = Long.getLong("crashloop.seed", 20261202L);
    private static final int TOTAL = 200_000;

    @TempDir
    Path dir;

    @Test
    void survivesKillsWithAnS3StoreWithoutLosingARecord() throws Exception {
        S3TestServer server = S3TestServer.shared();
        S3Location location = server.newLocation();
        Path output = dir.resolve("out.jsonl");
        Path configuration = Cli.write(dir.resolve("list-input.json"),
                "{\"configuration\": {\"total\": " + TOTAL + ", \"batchSize\": 1}}");
        List<String> arguments = List.of("--family", "checkpoint", "--name", "list-input",
                "--configuration", configuration.toString(), "--output", output.toString(),
                "--store", location.toString(), "--s3-endpoint", server.endpoint().toString(), "--s3-path-style",
                "--s3-region", "us-east-1", "--job", JOB, "--every", "1000", "--sync-saves", "--quiet");
        // Credentials as the default provider chain reads them; never options, never printed.
        List<String> credentials = List.of("-Daws.accessKeyId=" + S3TestServer.ACCESS_KEY,
                "-Daws.secretAccessKey=" + S3TestServer.SECRET_KEY);
        KillLoop loop = new KillLoop(dir, arguments, () -> size(output), 200_000, credentials);
        Random random = new Random(SEED);
        int kills = 8;
        for (int kill = 0; kill < kills; kill++) {
            loop.killOnce(random);
        }
        loop.finish();

        BitSet seen = new BitSet();
        long lines = 0;
        for (int id : Cli.ids(output)) {
            seen.set(id);
            lines++;
        }
        assertEquals(TOTAL, seen.cardinality(), "records missing (seed " + SEED + "): first absent id "
                + seen.nextClearBit(1));
        assertEquals(TOTAL + 1, seen.nextClearBit(1), "ids 1.." + TOTAL + " all present (seed " + SEED + ")");
        System.out.printf("s3 kill loop: %d kills, %d records, %d duplicates%n", kills, TOTAL, lines - TOTAL);

        try (S3CheckpointStore store = server.store(location).build()) {
            String prefix = location.prefix() + JOB + "/partitions/" + JobPartitions.SINGLE + "/";
            long objects = server.client().listObjectsV2Paginator(b -> b.bucket(location.bucket()).prefix(prefix))
                    .contents().stream().count();
            List<CheckpointInfo> history = store.history(JOB, JobPartitions.SINGLE);
            assertEquals(objects, history.size(), "every generation object is a valid checkpoint (seed " + SEED + ")");
            List<Long> generations = new ArrayList<>();
            for (CheckpointInfo info : history) {
                CheckpointEnvelope envelope = store.load(JOB, JobPartitions.SINGLE, info.generation()).orElseThrow();
                assertTrue(envelope.verify());
                generations.add(info.generation());
            }
            assertTrue(!generations.isEmpty() && generations.size() <= 10, "the retention is kept: " + generations);
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0; // being replaced; the next poll sees it
        }
    }
}
