package io.connectorkit.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.store.CheckpointEnvelope;
import io.connectorkit.store.CheckpointInfo;
import io.connectorkit.store.FileCheckpointStore;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner in a child JVM, killed with SIGKILL at random moments and restarted until the job finishes: no record
 * may be missing, every checkpoint file left on disk must be valid, and with {@code --sync-saves} each kill may repeat
 * at most one checkpoint interval of records.
 */
class CrashLoopTest {

    private static final String JOB = "crash-loop";
    /** Fixed, so that CI runs the same kills every time; -Dcrashloop.seed=N runs others (the seed is in every failure). */
    private static final long SEED = Long.getLong("crashloop.seed", 20261121L);

    @TempDir
    Path dir;

    @Test
    void survivesTwentyFiveKillsWithSynchronousSavesAndRepeatsAtMostOneIntervalPerKill() throws Exception {
        CrashLoop loop = new CrashLoop(dir, 1_000_000, 500, true);
        Result result = loop.run(25, new Random(SEED));
        result.assertNoRecordMissing(1_000_000);
        for (int i = 0; i < result.duplicatesPerKill.size(); i++) {
            long duplicates = result.duplicatesPerKill.get(i);
            assertTrue(duplicates >= 0 && duplicates <= 500, "kill " + (i + 1) + " (seed " + SEED + ") repeats "
                    + duplicates + " records, more than the interval of 500");
        }
        // A kill during start-up leaves the same window as the kill before it, so windows may overlap: the bound
        // on the whole output is one interval per kill.
        assertTrue(result.duplicates <= 25L * 500, result.duplicates + " duplicates for 25 kills (seed " + SEED + ")");
        System.out.printf("crash loop (sync saves): %d kills, %d records, %d duplicates, at most %d per kill%n",
                result.kills, result.seen.cardinality(), result.duplicates,
                result.duplicatesPerKill.stream().mapToLong(Long::longValue).max().orElse(0));
        loop.assertEveryCheckpointFileValid();
    }

    @Test
    void survivesKillsWithAsynchronousSavesWithoutLosingARecord() throws Exception {
        CrashLoop loop = new CrashLoop(dir, 600_000, 1_000, false);
        Result result = loop.run(8, new Random(SEED + 1));
        result.assertNoRecordMissing(600_000);
        System.out.printf("crash loop (async saves): %d kills, %d records, %d duplicates%n", result.kills,
                result.seen.cardinality(), result.duplicates);
        loop.assertEveryCheckpointFileValid();
    }

    /** What a crash loop produced. */
    private record Result(BitSet seen, long duplicates, List<Long> duplicatesPerKill, int kills) {

        void assertNoRecordMissing(int total) {
            assertEquals(total, seen.cardinality(), "records missing (seed " + SEED + "): first absent id "
                    + seen.nextClearBit(1));
            assertEquals(total + 1, seen.nextClearBit(1), "ids 1.." + total + " all present");
        }
    }

    /** Runs, kills and restarts the runner; checks the output and the store between kills. */
    private static final class CrashLoop {
        private final Path dir;
        private final Path output;
        private final Path store;
        private final Path configuration;
        private final boolean sync;
        private final int interval;

        CrashLoop(Path dir, int total, int interval, boolean sync) throws IOException {
            this.dir = dir;
            this.output = dir.resolve("out.jsonl");
            this.store = dir.resolve("checkpoints");
            this.configuration = dir.resolve("list-input.json");
            this.sync = sync;
            this.interval = interval;
            // batchSize 1: every record is a safe point, so --every alone sets the interval.
            Files.writeString(configuration, "{\"configuration\": {\"total\": " + total + ", \"batchSize\": 1}}");
        }

        Result run(int kills, Random random) throws Exception {
            List<String> arguments = new ArrayList<>(List.of("--family", "checkpoint", "--name", "list-input",
                    "--configuration", configuration.toString(), "--output", output.toString(),
                    "--store", "file:" + store, "--job", JOB, "--every", String.valueOf(interval), "--quiet"));
            if (sync) {
                arguments.add("--sync-saves");
            }
            // Killed after up to ~20,000 records of output.
            KillLoop loop = new KillLoop(dir, arguments, this::outputSize, 600_000);
            List<Long> duplicatesPerKill = new ArrayList<>();
            for (int kill = 0; kill < kills; kill++) {
                loop.killOnce(random);
                duplicatesPerKill.add(lastOutputId() - lastCheckpointedId());
            }
            loop.finish();
            return readOutput(duplicatesPerKill, kills);
        }

        private long outputSize() {
            try {
                return Files.exists(output) ? Files.size(output) : 0;
            } catch (IOException e) {
                return 0; // being replaced; the next poll sees it
            }
        }

        /** The last complete record's id in the output (a cut last line is not a record). */
        private long lastOutputId() throws IOException {
            if (!Files.exists(output) || Files.size(output) == 0) {
                return 0;
            }
            try (RandomAccessFile file = new RandomAccessFile(output.toFile(), "r")) {
                long end = file.length();
                while (end > 0) {
                    file.seek(end - 1);
                    if (file.read() == '\n') {
                        break;
                    }
                    end--;
                }
                long start = end - 1;
                while (start > 0) {
                    file.seek(start - 1);
                    if (file.read() == '\n') {
                        break;
                    }
                    start--;
                }
                if (end <= 0) {
                    return 0;
                }
                byte[] line = new byte[(int) (end - 1 - start)];
                file.seek(start);
                file.readFully(line);
                return id(new String(line, StandardCharsets.UTF_8));
            }
        }

        /** The {@code sinceId} of the latest durable checkpoint, 0 when none. */
        private long lastCheckpointedId() {
            try (FileCheckpointStore checkpoints = new FileCheckpointStore(store)) {
                return checkpoints.loadLatest(JOB, JobPartitions.SINGLE)
                        .map(e -> (long) e.checkpoint().getJsonObject("$checkpoint").getInt("sinceId")).orElse(0L);
            }
        }

        private Result readOutput(List<Long> duplicatesPerKill, int kills) throws IOException {
            BitSet seen = new BitSet();
            long duplicates = 0;
            try (Stream<String> records = Files.lines(output)) {
                for (String line : (Iterable<String>) records::iterator) {
                    int id = id(line);
                    if (seen.get(id)) {
                        duplicates++;
                    }
                    seen.set(id);
                }
            }
            return new Result(seen, duplicates, duplicatesPerKill, kills);
        }

        void assertEveryCheckpointFileValid() throws IOException {
            Path partition = store.resolve(JOB).resolve("partitions").resolve(JobPartitions.SINGLE);
            List<Path> files;
            try (Stream<Path> list = Files.list(partition)) {
                files = list.toList();
            }
            try (FileCheckpointStore checkpoints = new FileCheckpointStore(store)) {
                List<CheckpointInfo> history = checkpoints.history(JOB, JobPartitions.SINGLE);
                assertEquals(files.size(), history.size(), "every file on disk is a valid checkpoint: " + files);
                for (CheckpointInfo info : history) {
                    CheckpointEnvelope envelope = checkpoints.load(JOB, JobPartitions.SINGLE, info.generation())
                            .orElseThrow();
                    assertTrue(envelope.verify(), "generation " + info.generation() + " verifies");
                }
                assertTrue(history.size() >= 1);
            }
        }

        private static int id(String line) {
            try (JsonReader reader = Json.createReader(new StringReader(line))) {
                return reader.readObject().getInt("id");
            }
        }
    }
}
