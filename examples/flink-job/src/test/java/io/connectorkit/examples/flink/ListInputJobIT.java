package io.connectorkit.examples.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flink run} of this module's shaded job jar on a standalone session cluster, as docs/flink.md tells users to
 * run a job: the JobManager, the TaskManager and the client are separate JVMs whose class path has Flink but none of
 * the job jar's classes ({@link ClusterClassPath}), so Connector Kit, the connectors and the JSON providers are loaded
 * from the job jar by Flink's child-first user-code class loader, found through {@code ServiceLoader} there. One
 * cluster serves both tests: a bounded job run to its end, and a job whose TaskManager JVM is killed mid-run.
 *
 * <p>Runs in {@code verify}, after {@code package} has built the shaded jar.
 */
class ListInputJobIT {

    private static final int TOTAL = 200_000;
    /** Far more than the kill test reads, however fast the machine: it stops that job with a savepoint. */
    private static final int ENDLESS = 1_000_000_000;
    private static final Duration CLUSTER_START = Duration.ofSeconds(60);
    private static final Duration JOB_RUN = Duration.ofSeconds(180);
    private static final Duration RECOVERY = Duration.ofSeconds(120);
    private static final int LOG_LINES = 60;
    /** list-input's default {@code firstDate}: record {@code id} is dated {@code id} days after it. */
    private static final LocalDate FIRST_DATE = LocalDate.parse("2024-01-01");
    /** One factory: {@code Json.createReader} looks the provider up again at each call, slow for 200,000 lines. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());
    private static final Pattern JOB_ID = Pattern.compile("Job has been submitted with JobID ([0-9a-f]{32})");

    @TempDir
    static Path temp;
    private static Path jobJar;
    private static StandaloneCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        jobJar = Path.of(System.getProperty("flinkjob.jar", "target/flink-job-example.jar"));
        assertTrue(Files.isRegularFile(jobJar), jobJar + " is missing: run the integration test with mvn verify, "
                + "whose package phase builds the shaded job jar");
        ClusterClassPath classPath = ClusterClassPath.of(System.getProperty("java.class.path"), jobJar);
        assertClusterHasNoJobClasses(classPath);
        Path logDir = Path.of(System.getProperty("flinkjob.logDir", "target/flink-cluster"));
        cluster = StandaloneCluster.start(temp, logDir, classPath.asArgument(), CLUSTER_START);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** The run docs/flink.md describes: {@code flink run} of the shaded jar, to the end of a bounded input. */
    @Test
    void flinkRunOfTheShadedJarWritesEveryRecordExactlyOnce() throws Exception {
        Path output = temp.resolve("output-bounded");
        withLogsOnFailure(() -> {
            StandaloneCluster.ClientRun run = cluster.flink(List.of("run", "-m", cluster.address(), "-p", "2",
                    jobJar.toString(),
                    "--output", output.toUri().toString(),
                    "--total", Integer.toString(TOTAL),
                    "--checkpoint-interval", "200"), JOB_RUN);
            assertEquals(0, run.exit(), "flink run exited with " + run.exit());
            String jobId = jobId(run);
            assertEquals("FINISHED", state(jobId), "the job's state");
            List<String> lines = committedLines(output);
            assertEquals(TOTAL, assertIdsOnceFromOne(lines), "the last id committed");
        });
    }

    /**
     * A TaskManager JVM killed mid-job: the job restarts on a new TaskManager, whose fresh user-code class loader
     * restores the source's split state and the sink's from the last completed checkpoint; then the job is stopped
     * with a savepoint. list-input is one split read in order, so the committed output is ids 1 to n, each once.
     */
    @Test
    void aKilledTaskManagerNeitherLosesNorRepeatsARecord() throws Exception {
        Path output = temp.resolve("output-killed");
        withLogsOnFailure(() -> {
            StandaloneCluster.ClientRun run = cluster.flink(List.of("run", "-d", "-m", cluster.address(), "-p", "2",
                    jobJar.toString(),
                    "--output", output.toUri().toString(),
                    "--total", Integer.toString(ENDLESS),
                    "--checkpoint-interval", "200"), JOB_RUN);
            assertEquals(0, run.exit(), "flink run -d exited with " + run.exit());
            String jobId = jobId(run);
            try {
                killTaskManagerThenStop(jobId, output);
            } finally {
                // A job left running would hold both slots, and the other test would wait for them in vain.
                cluster.cancelIfRunning(jobId);
            }
        });
    }

    /** Kills the TaskManager after two checkpoints, awaits the restore and a checkpoint after it, then stops. */
    private static void killTaskManagerThenStop(String jobId, Path output) throws Exception {
        awaitCheckpoints(jobId, checkpoints -> checkpoints.getJsonObject("counts").getInt("completed") >= 2,
                "two completed checkpoints");
        int committedBeforeKill = committedLines(output).size();
        cluster.replaceTaskManager();
        awaitCheckpoints(jobId, ListInputJobIT::completedAfterRestore,
                "a restore from a checkpoint, then a checkpoint completed after it");

        StandaloneCluster.ClientRun stop = cluster.flink(List.of("stop", "-m", cluster.address(),
                "--savepointPath", temp.resolve("savepoints").toUri().toString(), jobId), JOB_RUN);
        assertEquals(0, stop.exit(), "flink stop exited with " + stop.exit());
        assertEquals("FINISHED", state(jobId), "the job's state after flink stop");
        int last = assertIdsOnceFromOne(committedLines(output));
        assertTrue(last >= committedBeforeKill, "committed " + committedBeforeKill + " records before the kill, "
                + "only ids up to " + last + " at the end");
    }

    private interface ClusterWork {
        void run() throws Exception;
    }

    /** Runs {@code work}; if it fails, prints the tail of every cluster JVM's log first. */
    private static void withLogsOnFailure(ClusterWork work) throws Exception {
        try {
            work.run();
        } catch (Exception | AssertionError e) {
            System.err.println(cluster.logTails(LOG_LINES));
            throw e;
        }
    }

    private static String jobId(StandaloneCluster.ClientRun run) {
        Matcher matcher = JOB_ID.matcher(run.output());
        assertTrue(matcher.find(), "flink run printed no job id");
        return matcher.group(1);
    }

    private static String state(String jobId) throws Exception {
        return cluster.jobs().stream().filter(job -> job.getString("jid").equals(jobId))
                .map(job -> job.getString("state")).findFirst().orElse("unknown to the cluster");
    }

    /** True once the job was restored from a checkpoint and completed a newer one. */
    private static boolean completedAfterRestore(JsonObject checkpoints) {
        JsonObject latest = checkpoints.getJsonObject("latest");
        if (!(latest.get("restored") instanceof JsonObject) || !(latest.get("completed") instanceof JsonObject)) {
            return false;
        }
        return latest.getJsonObject("completed").getJsonNumber("id").longValue()
                > latest.getJsonObject("restored").getJsonNumber("id").longValue();
    }

    /** Polls the job's checkpoint statistics until {@code condition} holds; fails after {@link #RECOVERY}. */
    private static void awaitCheckpoints(String jobId, Predicate<JsonObject> condition, String what)
            throws Exception {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        JsonObject checkpoints = null;
        while (System.nanoTime() < deadline) {
            checkpoints = cluster.checkpoints(jobId);
            if (condition.test(checkpoints)) {
                return;
            }
            assertEquals("RUNNING", runningOrRestarting(jobId), "the job's state while waiting for " + what);
            Thread.sleep(200);
        }
        throw new AssertionError("no " + what + " within " + RECOVERY + "; last statistics: " + checkpoints);
    }

    /** The job's state, with the states of a restart (RESTARTING, CREATED) read as RUNNING. */
    private static String runningOrRestarting(String jobId) throws Exception {
        String state = state(jobId);
        return state.equals("RESTARTING") || state.equals("CREATED") || state.equals("INITIALIZING") ? "RUNNING"
                : state;
    }

    /**
     * The filter must have left out what a cluster's lib/ lacks; otherwise the test would load them from the
     * application class loader and prove nothing about the job jar.
     */
    private static void assertClusterHasNoJobClasses(ClusterClassPath classPath) {
        for (String prefix : List.of("io/connectorkit/flink/", "io/connectorkit/runtime/", "io/connectorkit/samples/",
                "jakarta/json/", "org/eclipse/parsson/", "org/eclipse/yasson/")) {
            assertEquals(List.of(), classPath.keptProviding(prefix),
                    "the cluster's class path holds " + prefix + " (left out: " + classPath.removed() + ")");
        }
    }

    /** The lines of the sink's committed files; in-progress files are hidden (their names start with a dot). */
    private static List<String> committedLines(Path output) throws IOException {
        if (!Files.isDirectory(output)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(output)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList()) {
                lines.addAll(Files.readAllLines(file));
            }
        }
        return lines;
    }

    /**
     * Asserts that {@code lines} are list-input's records {@code {"id":1,...}} to {@code {"id":n,...}}, each exactly
     * once, and returns n.
     */
    private static int assertIdsOnceFromOne(List<String> lines) {
        int[] seen = new int[lines.size() + 2];
        List<String> wrong = new ArrayList<>();
        int last = 0;
        for (String line : lines) {
            JsonObject record;
            try (JsonReader reader = READERS.createReader(new StringReader(line))) {
                record = reader.readObject();
            }
            int id = record.getInt("id");
            if (id < 1 || id >= seen.length || !record.getString("date").equals(FIRST_DATE.plusDays(id).toString())) {
                wrong.add(line);
            } else {
                seen[id]++;
                last = Math.max(last, id);
            }
        }
        List<Integer> missing = new ArrayList<>();
        List<Integer> repeated = new ArrayList<>();
        for (int id = 1; id <= last; id++) {
            if (seen[id] == 0) {
                missing.add(id);
            } else if (seen[id] > 1) {
                repeated.add(id);
            }
        }
        assertEquals(List.of(), firstOf(wrong), wrong.size() + " records list-input does not emit (or past "
                + lines.size() + ", so others are missing), the first");
        assertEquals(List.of(), firstOf(missing), missing.size() + " ids missing up to " + last + ", the first");
        assertEquals(List.of(), firstOf(repeated), repeated.size() + " ids written more than once, the first");
        assertEquals(last, lines.size(), "committed records");
        assertTrue(last > 0, "no record committed");
        return last;
    }

    private static <T> List<T> firstOf(List<T> items) {
        return items.subList(0, Math.min(20, items.size()));
    }
}
