package io.connectorkit.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.SplitPlan;
import io.connectorkit.store.FileCheckpointStore;
import io.connectorkit.testsupport.RequiresPostgres;
import io.connectorkit.testsupport.TestPostgres;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the runner handles a partitioned job's failures, stops, metrics and sink, on the test connector
 * {@code test/ranges} (numbers 0 … 999 in 4 splits of 250).
 */
class PartitionedRunTest {

    private static final String JOB = "ranges";

    @TempDir
    Path dir;

    @Test
    void aFailingSplitStopsTheJobNamingItAfterTheOtherSplitsSavedTheirFinalCheckpoints() throws Exception {
        Cli.Result failed = Cli.run(run(configuration(", \"failingSplit\": 500, \"failAfter\": 25"),
                "--parallelism", "2")).assertCode(ExitCodes.CONNECTOR_FAILED);

        failed.assertErrContains("split 'r500-750'", "planted failure at 525", "the other splits saved their "
                + "checkpoints", "Run it again to resume");
        Map<String, List<Integer>> written = bySplit(dir.resolve("out.jsonl"));
        Map<String, Integer> covered = coveredBySplit();
        for (Map.Entry<String, Integer> split : covered.entrySet()) {
            int from = Integer.parseInt(split.getKey().substring(1, split.getKey().indexOf('-')));
            List<Integer> numbers = written.getOrDefault(split.getKey(), List.of());
            if (split.getKey().equals("r500-750")) {
                assertEquals(range(from, 525), numbers, "the failing split wrote up to its failure");
                assertEquals(520, split.getValue(), "its last durable checkpoint, at the interval of 10");
            } else {
                assertEquals(range(from, split.getValue()), numbers, "split " + split.getKey() + " stopped with a "
                        + "final checkpoint covering exactly what it wrote");
            }
        }
        assertFalse(savedPlan().isFinished());
    }

    @Test
    void aFailingSplitIsRetriedFromItsOwnLastCheckpointWhileTheOthersReadOn() throws Exception {
        Cli.Result result = Cli.run(run(configuration(", \"failingSplit\": 250, \"failAfter\": 200"),
                "--parallelism", "2", "--retries", "2", "--retry-backoff-ms", "1")).assertCode(0);

        result.assertErrContains("split 'r250-500': retry 1 of 2");
        Map<String, List<Integer>> written = bySplit(dir.resolve("out.jsonl"));
        assertEquals(range(0, 250), written.get("r0-250"));
        List<Integer> retried = written.get("r250-500");
        assertEquals(range(250, 500), new ArrayList<>(new TreeSet<>(retried)), "no number lost");
        assertTrue(retried.size() <= 250 + 10, "the retry resumed from the split's last checkpoint, repeating at most "
                + "one interval of 10: " + retried.size() + " records");
        assertTrue(savedPlan().isFinished());
    }

    @Test
    void metricsCountEachSplitsRecords() throws Exception {
        Path metrics = dir.resolve("metrics.prom");

        Cli.run(run(configuration(""), "--parallelism", "2", "--metrics", metrics.toString())).assertCode(0);

        String text = Files.readString(metrics);
        for (String split : List.of("r0-250", "r250-500", "r500-750", "r750-1000")) {
            assertTrue(text.contains("connectorkit_split_records_read_total{split=\"" + split + "\"} 250.0"), text);
            assertTrue(text.contains("connectorkit_split_finished{split=\"" + split + "\"} 1.0"), text);
        }
        assertEquals(1000.0, Cli.metric(metrics, "connectorkit_records_read_total"));
        assertEquals(4.0, Cli.metric(metrics, "connectorkit_splits_finished"));
    }

    @Test
    void sigtermStopsEverySplitWithItsFinalCheckpointAndTheResumeRepeatsNothing() throws Exception {
        Path output = dir.resolve("out.jsonl");
        // 3 ms a record: about 1.5 s of reading, so the signal surely comes while the splits still read.
        String[] arguments = run(configuration(", \"pauseMicros\": 3000"), "--parallelism", "2");
        Process child = Cli.start(dir.resolve("child.out"), dir.resolve("child.err"), arguments);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lines(output) < 100 && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(child.isAlive(), "still reading when signalled");
            child.destroy(); // SIGTERM
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        String err = Files.readString(dir.resolve("child.err"));
        assertEquals(ExitCodes.STOPPED, child.exitValue(), err);
        assertTrue(err.contains("each split saved its final checkpoint"), err);
        Map<String, List<Integer>> written = bySplit(output);
        Map<String, Integer> covered = coveredBySplit();
        for (Map.Entry<String, List<Integer>> split : written.entrySet()) {
            List<Integer> numbers = split.getValue();
            assertEquals(numbers.get(numbers.size() - 1) + 1, covered.get(split.getKey()), "split " + split.getKey()
                    + "'s final checkpoint covers its last record");
        }

        Cli.run(arguments).assertCode(0).assertErrContains("resumes its split plan");
        List<Integer> all = new ArrayList<>();
        bySplit(output).values().forEach(all::addAll);
        all.sort(null);
        assertEquals(range(0, 1000), all, "every number exactly once");
    }

    @Test
    void withASinkEachSplitCommitsItsRowsWithItsCheckpointExactlyOnceThroughACrash() throws Exception {
        assertExactlyOnceInTheSink("jdbc:h2:file:" + dir.resolve("sink"), "numbers");
    }

    @Test
    @RequiresPostgres
    void withAPostgresSinkTheSplitsCreateTheTableOnceAndCommitExactlyOnceThroughACrash() throws Exception {
        String table = "ck_partitioned_sink_" + Long.toHexString(System.nanoTime());
        try {
            assertExactlyOnceInTheSink(TestPostgres.URL, table);
        } finally {
            try (Connection connection = DriverManager.getConnection(TestPostgres.URL);
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + table); // the job's checkpoint rows stay, under a job of its own
            }
        }
    }

    /** A crash after 600 records, then a resume: every number once in {@code table}, the splits' rows committed. */
    private void assertExactlyOnceInTheSink(String url, String table) throws Exception {
        String[] arguments = {"run", "--family", "test", "--name", "ranges", "--configuration",
            Cli.write(dir.resolve("ranges.json"), configuration("")).toString(), "--sink", url, "--table", table,
            "--job", JOB + "-" + table, "--parallelism", "2"};
        List<String> crashing = new ArrayList<>(List.of(arguments));
        crashing.addAll(List.of("--fail-after", "600"));
        Cli.fork(dir, crashing.toArray(String[]::new)).assertCode(ExitCodes.SIMULATED_CRASH);

        Cli.run(arguments).assertCode(0).assertErrContains("resumes its split plan");

        try (Connection connection = DriverManager.getConnection(url); Statement statement =
                connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT n FROM " + table
                        + " ORDER BY n")) {
            List<Integer> numbers = new ArrayList<>();
            while (rows.next()) {
                numbers.add(rows.getInt(1));
            }
            assertEquals(range(0, 1000), numbers, "every number exactly once in the sink");
        }
    }

    private String configuration(String more) {
        return "{\"configuration\": {\"to\": 1000, \"splits\": 4" + more + "}}";
    }

    private String[] run(String configuration, String... more) {
        List<String> arguments = new ArrayList<>(List.of("run", "--family", "test", "--name", "ranges",
                "--configuration", Cli.write(dir.resolve("ranges.json"), configuration).toString(), "--store",
                "file:" + dir.resolve("store"), "--output", dir.resolve("out.jsonl").toString(), "--job", JOB));
        arguments.addAll(List.of(more));
        return arguments.toArray(String[]::new);
    }

    private SplitPlan savedPlan() {
        try (FileCheckpointStore store = new FileCheckpointStore(dir.resolve("store"))) {
            return SavedPlans.load(store, JOB).orElseThrow();
        }
    }

    /** Each split's durable position: its latest checkpoint's next number, its end once finished. */
    private Map<String, Integer> coveredBySplit() {
        Map<String, Integer> covered = new TreeMap<>();
        try (FileCheckpointStore store = new FileCheckpointStore(dir.resolve("store"))) {
            for (SplitPlan.Entry entry : SavedPlans.load(store, JOB).orElseThrow().entries()) {
                String id = entry.split().id();
                int from = Integer.parseInt(entry.split().configuration().get("configuration.from"));
                int to = Integer.parseInt(entry.split().configuration().get("configuration.to"));
                covered.put(id, entry.status() == SplitPlan.Status.FINISHED ? to : store.loadLatest(JOB, id)
                        .map(saved -> saved.checkpoint().getJsonObject("$checkpoint").getInt("next")).orElse(from));
            }
        }
        return covered;
    }

    /** The numbers each split wrote, in the order written. */
    private static Map<String, List<Integer>> bySplit(Path output) throws IOException {
        Map<String, List<Integer>> bySplit = new TreeMap<>();
        for (String line : Files.readAllLines(output)) {
            try (JsonReader reader = Json.createReader(new StringReader(line))) {
                JsonObject record = reader.readObject();
                bySplit.computeIfAbsent(record.getString("split"), id -> new ArrayList<>()).add(record.getInt("n"));
            }
        }
        return bySplit;
    }

    private static long lines(Path output) throws IOException {
        if (!Files.exists(output)) {
            return 0;
        }
        try (var stream = Files.lines(output)) {
            return stream.count();
        }
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> numbers = new ArrayList<>();
        for (int n = from; n < to; n++) {
            numbers.add(n);
        }
        return numbers;
    }
}
