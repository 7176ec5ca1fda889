package io.connectorkit.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.Split;
import io.connectorkit.runtime.SplitPlan;
import io.connectorkit.store.FileCheckpointStore;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partitioned job ({@code test/ranges}, 6 splits) run with {@code --parallelism 2 --sync-saves} in child JVMs
 * killed with SIGKILL at random moments, then run to its end: no record is missing, and after each kill every split
 * has at most one checkpoint interval of records in the output beyond its durable checkpoint (what the next run reads
 * again). The seed is fixed ({@code -Dpartitioned.killloop.seed} to change it) and printed on failure.
 */
class PartitionedKillLoopTest {

    private static final String JOB = "partitioned-kill-loop";
    private static final long SEED = Long.getLong("partitioned.killloop.seed", 20261201L);
    private static final int TOTAL = 120_000;
    private static final int SPLITS = 6;
    private static final int INTERVAL = 200;
    private static final int KILLS = 12;

    @TempDir
    Path dir;

    @Test
    void killedTwelveTimesItLosesNoRecordAndRepeatsAtMostOneIntervalPerSplitPerKill() throws Exception {
        Path output = dir.resolve("out.jsonl");
        Path configuration = Cli.write(dir.resolve("ranges.json"), "{\"configuration\": {\"to\": " + TOTAL
                + ", \"splits\": " + SPLITS + ", \"pauseMicros\": 20}}");
        List<String> arguments = List.of("--family", "test", "--name", "ranges", "--configuration",
                configuration.toString(), "--output", output.toString(), "--store", "file:" + dir.resolve("store"),
                "--job", JOB, "--parallelism", "2", "--sync-saves", "--every", String.valueOf(INTERVAL), "--quiet");
        KillLoop loop = new KillLoop(dir, arguments, () -> size(output), 400_000);
        Random random = new Random(SEED);
        long worst = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            loop.killOnce(random);
            Map<String, Integer> beyond = beyondCheckpoints(output);
            for (Map.Entry<String, Integer> split : beyond.entrySet()) {
                int kept = split.getValue();
                assertTrue(kept <= INTERVAL, "kill " + kill + " (seed " + SEED + "): split " + split.getKey() + " has "
                        + kept + " records beyond its durable checkpoint, more than the interval of " + INTERVAL);
                worst = Math.max(worst, kept);
            }
        }
        loop.finish();

        BitSet seen = new BitSet(TOTAL);
        long duplicates = 0;
        for (String line : Files.readAllLines(output)) {
            int n = read(line).getInt("n");
            duplicates += seen.get(n) ? 1 : 0;
            seen.set(n);
        }
        assertEquals(TOTAL, seen.cardinality(), "records missing (seed " + SEED + "): first absent "
                + seen.nextClearBit(0));
        assertTrue(duplicates <= (long) KILLS * 2 * INTERVAL, duplicates + " duplicates for " + KILLS + " kills with "
                + "2 splits read at once (seed " + SEED + ")");
        System.out.printf("partitioned kill loop (parallelism 2, sync saves): %d kills, %d records, %d duplicates, "
                + "at most %d beyond a split's checkpoint%n", KILLS, seen.cardinality(), duplicates, worst);
    }

    /** For each split, the records in the output at or beyond its durable checkpoint's position. */
    private Map<String, Integer> beyondCheckpoints(Path output) throws IOException {
        Map<String, Integer> next = new HashMap<>();
        try (FileCheckpointStore store = new FileCheckpointStore(dir.resolve("store"))) {
            Optional<SplitPlan> plan = SavedPlans.load(store, JOB);
            if (plan.isEmpty()) {
                return Map.of(); // killed before the plan was saved: nothing was read
            }
            for (SplitPlan.Entry entry : plan.get().entries()) {
                Split split = entry.split();
                int from = Integer.parseInt(split.configuration().getOrDefault("configuration.from", "0"));
                int to = Integer.parseInt(split.configuration().get("configuration.to"));
                int position = entry.status() == SplitPlan.Status.FINISHED ? to
                        : store.loadLatest(JOB, split.id())
                                .map(saved -> saved.checkpoint().getJsonObject("$checkpoint").getInt("next"))
                                .orElse(from);
                next.put(split.id(), position);
            }
        }
        Map<String, Integer> beyond = new HashMap<>();
        List<String> lines = completeLines(output);
        for (String line : lines) {
            JsonObject record = read(line);
            String split = record.getString("split");
            if (record.getInt("n") >= next.get(split)) {
                beyond.merge(split, 1, Integer::sum);
            }
        }
        return beyond;
    }

    /** The complete lines: a cut last line is no record (the next run removes it). */
    private static List<String> completeLines(Path output) throws IOException {
        if (!Files.exists(output)) {
            return List.of();
        }
        String text = Files.readString(output);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : new ArrayList<>(List.of(text.substring(0, end).split("\n")));
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static JsonObject read(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
