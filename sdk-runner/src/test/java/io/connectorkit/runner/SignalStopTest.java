package io.connectorkit.runner;

import static io.connectorkit.runner.Cli.fileStore;
import static io.connectorkit.runner.Cli.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.store.CheckpointStore;
import io.connectorkit.store.FileCheckpointStore;
import io.connectorkit.store.JdbcCheckpointStore;
import io.connectorkit.store.StoreOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM and SIGINT sent to a runner in a child JVM. The job is {@code test/marker}: it creates a marker file after
 * {@value #MARK_AT} records and then waits for a gate file, so each test signals it at a known record without timing
 * anything. Its checkpoints come every 100 records: records 201 to 251 are covered by the final checkpoint only, which
 * a clean stop must save for the resume to repeat nothing.
 */
class SignalStopTest {

    private static final String JOB = "signalled";
    private static final int MARK_AT = 250;
    private static final int TOTAL = 1_000;

    @TempDir
    Path dir;

    private final ChildRunners children = new ChildRunners();

    @AfterEach
    void killLeftovers() throws InterruptedException {
        children.close();
    }

    private Path marker() {
        return dir.resolve("marker");
    }

    private Path gate() {
        return dir.resolve("gate");
    }

    private Path errLog() {
        return dir.resolve("err.log");
    }

    private Path configuration(int total) {
        return Cli.write(dir.resolve("marker-" + total + ".json"), "{\"configuration\": {\"total\": " + total
                + ", \"markAt\": " + MARK_AT + ", \"marker\": \"" + marker() + "\", \"gate\": \"" + gate() + "\"}}");
    }

    private String[] run(String... more) {
        return Stream.concat(Stream.of("run", "--family", "test", "--name", "marker", "--job", JOB, "--quiet"),
                Stream.of(more)).toArray(String[]::new);
    }

    private Process start(String... args) throws IOException {
        Process child = Cli.start(dir.resolve("out.txt"), errLog(), args);
        children.track(child);
        return child;
    }

    /** Starts the job, waits for it to reach the marker, signals it, and lets it go on once the signal was seen. */
    private int stopAtTheMarker(Process child, Runnable signal, String signalName) throws Exception {
        await(child, () -> Files.exists(marker()), "the job reaches record " + MARK_AT);
        signal.run();
        await(child, () -> Files.readString(errLog()).contains("connectorkit: " + signalName + ": stopping"),
                "the runner acknowledges " + signalName);
        Files.createFile(gate());
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the stopped runner exits");
        return child.exitValue();
    }

    @Test
    void sigtermSavesTheFinalCheckpointAndTheResumeRepeatsNothing() throws Exception {
        Path output = dir.resolve("out.jsonl");
        Path store = dir.resolve("store");
        Process child = start(run("--configuration", configuration(TOTAL).toString(), "--store", fileStore(store),
                "--output", output.toString()));

        int code = stopAtTheMarker(child, child::destroy, "SIGTERM"); // destroy() sends SIGTERM

        assertEquals(9, code, this::childErr);
        assertTrue(childErr().contains("connectorkit: SIGTERM: stopped after 251 records, final checkpoint #"),
                this::childErr);
        assertEquals(range(1, 251), ids(output));
        List<Integer> saved = savedSinceIds(new FileCheckpointStore(store));
        assertEquals(251, saved.get(saved.size() - 1), "the final checkpoint covers every record written: " + saved);
        assertTrue(saved.subList(0, saved.size() - 1).stream().allMatch(sinceId -> sinceId <= 200),
                "only the final checkpoint covers records 201 to 251: " + saved);

        Cli.run(run("--configuration", configuration(TOTAL).toString(), "--store", fileStore(store), "--output",
                output.toString())).assertCode(0).assertErrContains("resumes from checkpoint");
        assertEquals(range(1, TOTAL), ids(output), "every id exactly once");
    }

    @Test
    void sigintStopsARunWritingToStandardOutputAndTheResumeRepeatsNothing() throws Exception {
        Path store = dir.resolve("store");
        Process child = start(run("--configuration", configuration(TOTAL).toString(), "--store", fileStore(store)));
        await(child, () -> Files.exists(marker()), "the job reaches record " + MARK_AT);
        assumeSigintIsNotIgnored(child);

        int code = stopAtTheMarker(child, () -> sigint(child), "SIGINT");

        assertEquals(9, code, this::childErr);
        assertTrue(childErr().contains("connectorkit: SIGINT: stopped after 251 records, final checkpoint #"),
                this::childErr);
        assertEquals(range(1, 251), ids(dir.resolve("out.txt")), "standard output was flushed");

        Cli.Result resumed = Cli.run(run("--configuration", configuration(TOTAL).toString(), "--store",
                fileStore(store))).assertCode(0);
        Path resumedOutput = Cli.write(dir.resolve("resumed.jsonl"), resumed.out());
        assertEquals(range(252, TOTAL), ids(resumedOutput), "the resume repeats nothing");
    }

    @Test
    void sigtermStopsASinkRunWhichCommitsItsLastRowsWithTheFinalCheckpoint() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("sink").toAbsolutePath();
        Process child = start(run("--configuration", configuration(TOTAL).toString(), "--sink", url, "--table",
                "rows_out"));

        int code = stopAtTheMarker(child, child::destroy, "SIGTERM");

        assertEquals(9, code, this::childErr);
        assertEquals(range(1, 251), sinkIds(url));
        List<Integer> saved = savedSinceIds(JdbcCheckpointStore.connect(url, null, null,
                JdbcCheckpointStore.DEFAULT_TABLE, StoreOptions.DEFAULTS));
        assertEquals(251, saved.get(saved.size() - 1), "committed with the rows: " + saved);

        Cli.run(run("--configuration", configuration(TOTAL).toString(), "--sink", url, "--table", "rows_out"))
                .assertCode(0);
        assertEquals(range(1, TOTAL), sinkIds(url), "every id exactly once");
    }

    @Test
    void aSecondSignalDuringTheStopExitsAtOnceWithoutTheFinalCheckpoint() throws Exception {
        Path store = dir.resolve("store");
        Process child = start(run("--configuration", configuration(TOTAL).toString(), "--store", fileStore(store),
                "--output", dir.resolve("out.jsonl").toString(), "--stop-grace-ms", "600000"));
        await(child, () -> Files.exists(marker()), "the job reaches record " + MARK_AT);
        assumeSigintIsNotIgnored(child);

        child.destroy();
        await(child, () -> childErr().contains("connectorkit: SIGTERM: stopping"), "the runner acknowledges SIGTERM");
        // The gate stays shut: the connector never returns, so only the second signal can end the stop.
        sigint(child);

        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the second signal ends the runner");
        assertEquals(130, child.exitValue(), this::childErr);
        assertTrue(childErr().contains("connectorkit: SIGINT during the stop: exiting at once with code 130; no final "
                + "checkpoint was saved"), this::childErr);
        assertNoCheckpointCovers(MARK_AT, store);
    }

    @Test
    void aStopThatOutlastsTheGracePeriodExitsAtOnceWith143() throws Exception {
        Path store = dir.resolve("store");
        Process child = start(run("--configuration", configuration(TOTAL).toString(), "--store", fileStore(store),
                "--output", dir.resolve("out.jsonl").toString(), "--stop-grace-ms", "100"));
        await(child, () -> Files.exists(marker()), "the job reaches record " + MARK_AT);

        child.destroy(); // the gate stays shut: the stop cannot finish

        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the grace period ends the runner");
        assertEquals(143, child.exitValue(), this::childErr);
        assertTrue(childErr().contains("connectorkit: SIGTERM: the stop took longer than --stop-grace-ms 100: exiting "
                + "at once with code 143; no final checkpoint was saved"), this::childErr);
        assertNoCheckpointCovers(MARK_AT, store);
    }

    private String childErr() {
        try {
            return Files.readString(errLog(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }

    private void await(Process child, ChildRunners.Condition condition, String what) throws Exception {
        ChildRunners.await(child, condition, what, this::childErr);
    }

    private static void sigint(Process child) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(child.pid())).inheritIO().start();
            assertTrue(kill.waitFor(30, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -INT " + child.pid());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * A process started in the background by a shell without job control inherits SIGINT ignored, and a JVM keeps it
     * ignored (as it should); the SIGINT tests cannot run in such a process tree.
     */
    private static void assumeSigintIsNotIgnored(Process child) throws IOException {
        Path status = Path.of("/proc", String.valueOf(child.pid()), "status");
        Assumptions.assumeTrue(Files.isReadable(status), "needs /proc to see signal dispositions");
        String ignored = Files.readAllLines(status).stream().filter(line -> line.startsWith("SigIgn:"))
                .map(line -> line.substring("SigIgn:".length()).trim()).findFirst().orElse("0");
        Assumptions.assumeTrue((Long.parseUnsignedLong(ignored, 16) & (1L << 1)) == 0,
                "SIGINT is ignored in this process tree (started in the background?), so no runner can see it");
    }

    private static List<Integer> savedSinceIds(CheckpointStore store) {
        try (store) {
            return store.history(JOB, JobPartitions.SINGLE).stream()
                    .map(info -> store.load(JOB, JobPartitions.SINGLE, info.generation()).orElseThrow())
                    .map(envelope -> envelope.checkpoint().getJsonObject("$checkpoint").getInt("sinceId"))
                    .toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void assertNoCheckpointCovers(int id, Path store) {
        List<Integer> saved = savedSinceIds(new FileCheckpointStore(store));
        assertTrue(saved.stream().allMatch(sinceId -> sinceId < id), "no final checkpoint: " + saved);
    }

    private static List<Integer> sinkIds(String url) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT id FROM rows_out ORDER BY id")) {
            while (rows.next()) {
                ids.add(rows.getInt(1));
            }
        }
        return ids;
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }
}
