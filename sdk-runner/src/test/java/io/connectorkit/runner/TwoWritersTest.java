package io.connectorkit.runner;

import static io.connectorkit.runner.Cli.fileStore;
import static io.connectorkit.runner.Cli.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.store.FileCheckpointStore;
import io.connectorkit.testsupport.RequiresPostgres;
import io.connectorkit.testsupport.TestPostgres;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runners on one job, in child JVMs. With the file store, the first one's lock file is deleted while it runs (a
 * "stale lock" clean-up) and the same job is started again; with PostgreSQL, the second runner starts in another PID
 * namespace of the same host, where the first one's pid is not a live process. The job {@code test/marker} stops at record
 * {@value #MARK_AT} of the first runner until the test opens its gate, so every step happens at a known record.
 * Whatever the second runner does, there is never more than one writer: no record is lost, no line is torn, and no
 * saved checkpoint is overwritten by an older one.
 */
class TwoWritersTest {

    private static final String JOB = "two-writers";
    private static final int MARK_AT = 250;
    private static final int TOTAL = 1_000;

    @TempDir
    Path dir;

    private final ChildRunners children = new ChildRunners();

    @AfterEach
    void killLeftovers() throws InterruptedException {
        children.close();
    }

    private Path store() {
        return dir.resolve("store");
    }

    private Path lockFile() {
        return store().resolve(JOB).resolve(".lock");
    }

    /** The first runner's configuration: stops at the marker until the gate opens. */
    private Path gated() {
        return Cli.write(dir.resolve("gated.json"), "{\"configuration\": {\"total\": " + TOTAL + ", \"markAt\": "
                + MARK_AT + ", \"marker\": \"" + dir.resolve("marker") + "\", \"gate\": \"" + dir.resolve("gate")
                + "\"}}");
    }

    /** The others' configuration: runs through. */
    private Path ungated() {
        return Cli.write(dir.resolve("ungated.json"), "{\"configuration\": {\"total\": " + TOTAL
                + ", \"markAt\": -1}}");
    }

    private String[] run(Path configuration, Path output, String... more) {
        return Stream.concat(Stream.of("run", "--family", "test", "--name", "marker", "--job", JOB, "--quiet",
                "--configuration", configuration.toString(), "--store", fileStore(store()), "--output",
                output.toString()), Stream.of(more)).toArray(String[]::new);
    }

    private Process start(String name, String... args) throws IOException {
        Process child = Cli.start(dir.resolve(name + ".out"), dir.resolve(name + ".err"), args);
        children.track(child);
        return child;
    }

    private String err(String name) throws IOException {
        return Files.readString(dir.resolve(name + ".err"), StandardCharsets.UTF_8);
    }

    /** Waits for the first runner to stop at the marker, polling; fails if it exits first. */
    private void awaitMarker(Process first) throws Exception {
        ChildRunners.await(first, () -> Files.exists(dir.resolve("marker")), "the marker", () -> errQuietly("first"));
    }

    private void awaitSaved(Process first, int sinceId) throws Exception {
        ChildRunners.await(first, () -> savedSinceIds().contains(sinceId), "the checkpoint after record " + sinceId
                + " saved", () -> errQuietly("first"));
    }

    private String errQuietly(String name) {
        try {
            return err(name);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private int exit(Process child, String name) throws Exception {
        assertTrue(child.waitFor(2, TimeUnit.MINUTES), name + " ends");
        return child.exitValue();
    }

    private List<Integer> savedSinceIds() {
        try (FileCheckpointStore checkpoints = new FileCheckpointStore(store())) {
            return checkpoints.history(JOB, JobPartitions.SINGLE).stream()
                    .map(info -> checkpoints.load(JOB, JobPartitions.SINGLE, info.generation()).orElseThrow())
                    .map(e -> e.checkpoint().getJsonObject("$checkpoint").getInt("sinceId")).toList();
        }
    }

    private static void assertEveryIdOnce(List<Integer> ids, int duplicatesAtMost) {
        BitSet seen = new BitSet();
        int duplicates = 0;
        for (int id : ids) {
            if (seen.get(id)) {
                duplicates++;
            }
            seen.set(id);
        }
        assertEquals(TOTAL, seen.cardinality(), "records missing: first absent id " + seen.nextClearBit(1));
        assertEquals(TOTAL + 1, seen.nextClearBit(1));
        assertTrue(duplicates <= duplicatesAtMost, duplicates + " duplicates, more than " + duplicatesAtMost);
    }

    /** Every line is one whole record: two writers appending to one file at once tear lines. */
    private static void assertNoTornLine(Path output) throws IOException {
        for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
            try (JsonReader reader = Json.createReader(new StringReader(line))) {
                assertEquals(1, reader.readObject().size(), line);
            } catch (JsonException e) {
                throw new AssertionError("a torn line in " + output + ": '" + line + "'", e);
            }
        }
    }

    private static void assertNeverGoesBack(List<Integer> sinceIds) {
        for (int i = 1; i < sinceIds.size(); i++) {
            assertTrue(sinceIds.get(i) >= sinceIds.get(i - 1), "a checkpoint older than the one before it: "
                    + sinceIds);
        }
    }

    @Test
    @RequiresPostgres
    void aSecondRunnerInAnotherPidNamespaceOfTheSameHostIsRefusedWhileThePostgresClaimIsLive() throws Exception {
        List<String> unshare = List.of("unshare", "--pid", "--fork", "--mount-proc");
        Assumptions.assumeTrue(canRun(unshare), "needs unshare --pid (Linux, with the right to create namespaces)");
        String postgres = TestPostgres.URL;
        String job = "two-namespaces-" + UUID.randomUUID().toString().substring(0, 8);
        Path firstOutput = dir.resolve("first.jsonl");
        Path secondOutput = dir.resolve("second.jsonl");
        try {
            Process first = start("first", runOn(postgres, job, gated(), firstOutput));
            awaitMarker(first);

            // Same host name, another PID namespace: the first runner's pid means nothing (or someone else) there.
            Process second = Cli.startWrapped(unshare, dir.resolve("second.out"), dir.resolve("second.err"),
                    runOn(postgres, job, ungated(), secondOutput));
            children.track(second);
            int secondCode = exit(second, "the second runner");
            Files.createFile(dir.resolve("gate"));
            int firstCode = exit(first, "the first runner");

            assertEquals(6, secondCode, () -> errQuietly("second"));
            assertTrue(err("second").contains("job '" + job + "' is locked by another writer (owner ")
                    && err("second").contains("pid=" + first.pid() + "@"), err("second"));
            assertEquals(0, firstCode, () -> errQuietly("first"));
            assertEquals(List.of(), ids(secondOutput), "the second runner read nothing");
            assertEveryIdOnce(ids(firstOutput), 0);
        } finally {
            Cli.run("checkpoint", "delete", "--store", postgres, "--job", job, "--yes");
        }
    }

    private String[] runOn(String store, String job, Path configuration, Path output) {
        return new String[] {"run", "--family", "test", "--name", "marker", "--job", job, "--quiet",
            "--configuration", configuration.toString(), "--store", store, "--output", output.toString()};
    }

    private static boolean canRun(List<String> wrapper) {
        try {
            List<String> command = new ArrayList<>(wrapper);
            command.add("true");
            Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void aSecondRunnerOnTheSameOutputIsRefusedAndTheFirstStopsAtItsNextSave() throws Exception {
        Path output = dir.resolve("out.jsonl");
        Process first = start("first", run(gated(), output, "--sync-saves"));
        awaitMarker(first);

        Files.delete(lockFile());
        Process second = start("second", run(ungated(), output, "--sync-saves"));
        int secondCode = exit(second, "the second runner");
        Files.createFile(dir.resolve("gate"));
        int firstCode = exit(first, "the first runner");

        assertEquals(8, secondCode, () -> errQuietly("second"));
        assertTrue(err("second").contains("connectorkit: error: the output " + output + " is being written by "
                + "another runner"), err("second"));
        assertEquals(6, firstCode, () -> errQuietly("first"));
        assertTrue(err("first").contains("this writer lost the job's lock") && err("first").contains(
                lockFile().toString()), err("first"));

        Cli.fork(dir, run(ungated(), output)).assertCode(0).assertErrContains("resumes from checkpoint");
        // The first runner wrote records 201 to 300 after its last saved checkpoint (200) and stopped at its save.
        assertNoTornLine(output);
        assertEveryIdOnce(ids(output), 100);
        assertNeverGoesBack(savedSinceIds());
    }

    @Test
    void aSecondRunnerWithItsOwnOutputRunsAndTheFirstStopsWithoutOverwritingItsCheckpoints() throws Exception {
        Path firstOutput = dir.resolve("first.jsonl");
        Path secondOutput = dir.resolve("second.jsonl");
        Process first = start("first", run(gated(), firstOutput));
        awaitMarker(first);
        // Saves run on the first runner's background writer: its checkpoint after record 200 may still be on its way
        // when the marker appears. The attack is on a job with a saved checkpoint, so wait for it.
        awaitSaved(first, 200);

        Files.delete(lockFile());
        Cli.Result second = Cli.fork(dir, run(ungated(), secondOutput)).assertCode(0);
        Files.createFile(dir.resolve("gate"));
        int firstCode = exit(first, "the first runner");

        assertTrue(second.err().contains("resumes from checkpoint"), second.err());
        assertEquals(6, firstCode, () -> errQuietly("first"));
        assertTrue(err("first").contains("this writer lost the job's lock"), err("first"));
        List<Integer> saved = savedSinceIds();
        assertEquals(TOTAL, saved.get(saved.size() - 1), "the second runner's last checkpoint stays the latest: "
                + saved);
        assertNeverGoesBack(saved);
        assertNoTornLine(firstOutput);
        assertNoTornLine(secondOutput);
        List<Integer> both = new ArrayList<>(ids(firstOutput));
        both.addAll(ids(secondOutput));
        assertEveryIdOnce(both, TOTAL);
        Path last = dir.resolve("last.jsonl");
        Cli.fork(dir, run(ungated(), last)).assertCode(0);
        assertEquals(List.of(), ids(last), "the job is finished: a last run reads nothing more");
    }
}
