package io.connectorkit.examples.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flink run} of this module's shaded job jar on a standalone session cluster, as docs/flink.md tells users to
 * run a job: the JobManager, the TaskManager and the client are separate JVMs whose class path has Flink but none of
 * the job jar's classes ({@link ClusterClassPath}), so Connector Kit, the connectors and the JSON providers are loaded
 * from the job jar by Flink's child-first user-code class loader, found through {@code ServiceLoader} there.
 *
 * <p>Runs in {@code verify}, after {@code package} has built the shaded jar.
 */
class ListInputJobIT {

    private static final int TOTAL = 200_000;
    private static final Duration CLUSTER_START = Duration.ofSeconds(60);
    private static final Duration JOB_RUN = Duration.ofSeconds(180);
    private static final int LOG_LINES = 60;
    /** list-input's default {@code firstDate}: record {@code id} is dated {@code id} days after it. */
    private static final LocalDate FIRST_DATE = LocalDate.parse("2024-01-01");

    @TempDir
    Path temp;

    @Test
    void flinkRunOfTheShadedJarWritesEveryRecordExactlyOnce() throws Exception {
        Path jobJar = Path.of(System.getProperty("flinkjob.jar", "target/flink-job-example.jar"));
        assertTrue(Files.isRegularFile(jobJar), jobJar + " is missing: run the integration test with mvn verify, "
                + "whose package phase builds the shaded job jar");
        ClusterClassPath classPath = ClusterClassPath.of(System.getProperty("java.class.path"), jobJar);
        assertClusterHasNoJobClasses(classPath);

        Path logDir = Path.of(System.getProperty("flinkjob.logDir", "target/flink-cluster"));
        Path output = temp.resolve("output");
        try (StandaloneCluster cluster = StandaloneCluster.start(temp, logDir, classPath.asArgument(),
                CLUSTER_START)) {
            try {
                int exit = cluster.flink(List.of("run", "-m", cluster.address(), "-p", "2", jobJar.toString(),
                        "--output", output.toUri().toString(),
                        "--total", Integer.toString(TOTAL),
                        "--checkpoint-interval", "200"), JOB_RUN);
                assertEquals(0, exit, "flink run exited with " + exit);
                List<JsonObject> jobs = cluster.jobs();
                assertEquals(1, jobs.size(), "one job on the cluster: " + jobs);
                assertEquals("FINISHED", jobs.get(0).getString("state"), "the job's state: " + jobs);
                assertEveryIdOnce(committedLines(output));
            } catch (Exception | AssertionError e) {
                System.err.println(cluster.logTails(LOG_LINES));
                throw e;
            }
        }
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
        assertTrue(Files.isDirectory(output), "no output directory " + output);
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(output)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList()) {
                lines.addAll(Files.readAllLines(file));
            }
        }
        return lines;
    }

    /** Every record {@code {"id":1,...}} to {@code {"id":TOTAL,...}} exactly once, with list-input's date. */
    private static void assertEveryIdOnce(List<String> lines) {
        int[] seen = new int[TOTAL + 1];
        List<String> wrong = new ArrayList<>();
        for (String line : lines) {
            JsonObject record;
            try (JsonReader reader = Json.createReader(new StringReader(line))) {
                record = reader.readObject();
            }
            int id = record.getInt("id");
            if (id < 1 || id > TOTAL || !record.getString("date").equals(FIRST_DATE.plusDays(id).toString())) {
                wrong.add(line);
            } else {
                seen[id]++;
            }
        }
        List<Integer> missing = new ArrayList<>();
        List<Integer> repeated = new ArrayList<>();
        for (int id = 1; id <= TOTAL; id++) {
            if (seen[id] == 0) {
                missing.add(id);
            } else if (seen[id] > 1) {
                repeated.add(id);
            }
        }
        assertEquals(List.of(), wrong, "records that list-input does not emit");
        assertEquals(List.of(), firstOf(missing), missing.size() + " ids missing, the first");
        assertEquals(List.of(), firstOf(repeated), repeated.size() + " ids written more than once, the first");
        assertEquals(TOTAL, lines.size(), "committed records");
    }

    private static List<Integer> firstOf(List<Integer> ids) {
        return ids.subList(0, Math.min(20, ids.size()));
    }
}
