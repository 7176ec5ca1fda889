package io.connectorkit.runner;

import static io.connectorkit.runner.Cli.fileStore;
import static io.connectorkit.runner.Cli.ids;
import static io.connectorkit.runner.Cli.listInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runner.jaronly.JarOnlyJar;
import io.connectorkit.store.CheckpointEnvelope;
import io.connectorkit.store.CheckpointInfo;
import io.connectorkit.store.FileCheckpointStore;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code checkpoint list|show|history|rewind|reset|delete} on a job that ran, and their refusals. */
class CheckpointCommandTest {

    private static final String JOB = "orders";
    private static final int TOTAL = 30;

    @TempDir
    Path dir;

    private Path configuration;

    @BeforeEach
    void runTheJob() {
        configuration = listInput(dir, TOTAL, 10);
        runJob().assertCode(0);
    }

    private Cli.Result runJob() {
        return Cli.run("run", "--family", "checkpoint", "--name", "list-input", "--configuration",
                configuration.toString(), "--store", store(), "--job", JOB, "--output", dir.resolve("out.jsonl").toString(),
                "--sync-saves", "--quiet");
    }

    private String store() {
        return fileStore(dir.resolve("store"));
    }

    private Cli.Result checkpoint(String command, String... more) {
        return Cli.run(Stream.concat(Stream.of("checkpoint", command, "--store", store()), Stream.of(more))
                .toArray(String[]::new));
    }

    private List<CheckpointInfo> history() {
        try (FileCheckpointStore store = new FileCheckpointStore(dir.resolve("store"))) {
            return store.history(JOB, JobPartitions.SINGLE);
        }
    }

    private CheckpointEnvelope generation(long generation) {
        try (FileCheckpointStore store = new FileCheckpointStore(dir.resolve("store"))) {
            return store.load(JOB, JobPartitions.SINGLE, generation).orElseThrow();
        }
    }

    private CheckpointEnvelope latest() {
        List<CheckpointInfo> history = history();
        return generation(history.get(history.size() - 1).generation());
    }

    private static int sinceId(CheckpointEnvelope envelope) {
        return envelope.checkpoint().getJsonObject("$checkpoint").getInt("sinceId");
    }

    @Test
    void listShowsTheJobAndItsLatestGeneration() {
        checkpoint("list").assertCode(0).assertOutContains(JOB, "#" + latest().generation(), "checkpoint/list-input");
    }

    @Test
    void showPrintsTheLatestEnvelopeAsJson() {
        Cli.Result result = checkpoint("show", "--job", JOB).assertCode(0);

        JsonObject shown = Json.createReader(new StringReader(result.out())).readObject();
        CheckpointEnvelope latest = latest();
        assertEquals(JOB, shown.getString("job"));
        assertEquals(latest.generation(), shown.getJsonNumber("generation").longValue());
        assertEquals(latest.checksum(), shown.getString("checksum"));
        assertEquals(latest.checkpoint(), shown.getJsonObject("checkpoint"));
        assertEquals(TOTAL, shown.getJsonObject("checkpoint").getJsonObject("$checkpoint").getInt("sinceId"));
        assertEquals(JsonValue.NULL, shown.get("audit"));
    }

    @Test
    void historyListsEveryGenerationAndTheAuditOfManualChanges() {
        checkpoint("reset", "--job", JOB, "--set", "sinceId=5", "--by", "bob").assertCode(0);

        Cli.Result result = checkpoint("history", "--job", JOB).assertCode(0);

        List<CheckpointInfo> history = history();
        assertTrue(history.size() >= 2, history::toString);
        for (CheckpointInfo info : history) {
            assertTrue(result.out().lines().anyMatch(line -> line.startsWith(String.valueOf(info.generation()) + " ")),
                    () -> "generation " + info.generation() + " missing:\n" + result.out());
        }
        result.assertOutContains("reset --set sinceId=5 by bob");
    }

    @Test
    void rewindSavesAnEarlierGenerationAgainWithItsAudit() {
        List<CheckpointInfo> before = history();
        assertTrue(before.size() >= 2, () -> "the run saved several generations: " + before);
        long target = before.get(0).generation();
        long newest = before.get(before.size() - 1).generation();

        checkpoint("rewind", "--job", JOB, "--to", String.valueOf(target), "--by", "alice").assertCode(0);

        CheckpointEnvelope rewound = latest();
        assertEquals(newest + 1, rewound.generation());
        assertEquals(generation(target).checkpoint(), rewound.checkpoint());
        assertEquals("alice", rewound.audit().by());
        assertEquals("rewind --to " + target, rewound.audit().action());
        checkpoint("history", "--job", JOB).assertOutContains("rewind --to " + target + " by alice");
    }

    @Test
    void rewindAndResetKeepEveryGenerationTheJobKept() {
        Path longer = listInput(dir, 300, 10);
        Cli.run("run", "--family", "checkpoint", "--name", "list-input", "--configuration", longer.toString(),
                "--store", store(), "--job", JOB, "--output", dir.resolve("out.jsonl").toString(), "--sync-saves",
                "--retention", "50", "--quiet").assertCode(0);
        int kept = history().size();
        assertTrue(kept > 10, "the run kept more than the default retention: " + kept);

        checkpoint("rewind", "--job", JOB, "--to", String.valueOf(history().get(0).generation())).assertCode(0);
        checkpoint("reset", "--job", JOB, "--set", "sinceId=5").assertCode(0);

        assertEquals(kept + 2, history().size(), "an operator's change deletes no generation");
    }

    @Test
    void rewindToAGenerationThatDoesNotExistIsRefused() {
        long newest = latest().generation();

        checkpoint("rewind", "--job", JOB, "--to", "999").assertCode(6).assertErrContains("999", "does not exist");

        assertEquals(newest, latest().generation());
    }

    @Test
    void resetChangesSinceIdAsANumberAndTheNextRunResumesFromIt() {
        checkpoint("reset", "--job", JOB, "--set", "sinceId=25", "--by", "bob").assertCode(0);

        CheckpointEnvelope reset = latest();
        JsonValue sinceId = reset.checkpoint().getJsonObject("$checkpoint").get("sinceId");
        assertEquals(JsonValue.ValueType.NUMBER, sinceId.getValueType());
        assertEquals("25", sinceId.toString());
        assertEquals("reset --set sinceId=25", reset.audit().action());
        assertEquals("bob", reset.audit().by());
        assertEquals(2, reset.checkpoint().getJsonObject("$checkpoint").getInt("__version"), "version kept");

        runJob().assertCode(0).assertErrContains("resumes from checkpoint #" + reset.generation());

        List<Integer> ids = ids(dir.resolve("out.jsonl"));
        assertEquals(IntStream.rangeClosed(26, TOTAL).boxed().toList(), ids.subList(TOTAL, ids.size()),
                "the second run read the records after the reset id");
        assertEquals(TOTAL, sinceId(latest()));
    }

    @Test
    void resetOfTheVersionIsRefused() {
        long newest = latest().generation();

        checkpoint("reset", "--job", JOB, "--set", "__version=1").assertCode(2).assertErrContains("__version");

        assertEquals(newest, latest().generation());
    }

    @Test
    void resetOfANumberFieldToTextIsRefusedNamingWhatWasExpectedAndReceived() {
        List<CheckpointInfo> before = history();

        checkpoint("reset", "--job", JOB, "--set", "sinceId=ten").assertCode(5)
                .assertErrContains("reset refused, nothing written", "checkpoint/list-input",
                        "$checkpoint.sinceId: expected an int, received 'ten'");

        assertEquals(before, history(), "nothing written");
    }

    @Test
    void resetOfAFieldTheCheckpointClassDoesNotHaveIsRefusedAndListsEveryProblem() {
        List<CheckpointInfo> before = history();

        Cli.Result result = checkpoint("reset", "--job", JOB, "--set", "sinceid=3", "--set", "strategy=BY_NAME",
                "--set", "sinceId=3000000000").assertCode(5);

        result.assertErrContains("ListInputCheckpoint, version 2",
                "$checkpoint.sinceid: expected a field of ListInputCheckpoint (@Checkpoint of checkpoint/list-input): "
                        + "[strategy, startDate, sinceId], received an unknown key",
                "$checkpoint.strategy: expected one of [BY_ID, BY_DATE], received 'BY_NAME'",
                "$checkpoint.sinceId: expected an int, received '3000000000'");
        assertEquals(before, history(), "nothing written");
        runJob().assertCode(0); // the job still runs: nothing bad was saved
    }

    @Test
    void aGoodResetOfSeveralFieldsIsWrittenWithEachFieldsJsonType() {
        checkpoint("reset", "--job", JOB, "--set", "strategy=BY_DATE", "--set", "startDate=0012",
                "--set", "sinceId=7").assertCode(0);

        JsonObject state = latest().checkpoint().getJsonObject("$checkpoint");
        assertEquals(Json.createValue("BY_DATE"), state.get("strategy"));
        assertEquals(Json.createValue("0012"), state.get("startDate"), "a string field stays a string");
        assertEquals(7, state.getInt("sinceId"));
    }

    @Test
    void resetOfAJobWhoseComponentIsNotFoundIsRefusedUnlessUnchecked() {
        saveForeignCheckpoint("foreign", "acme/secret-input");
        List<CheckpointInfo> before = history("foreign");

        checkpoint("reset", "--job", "foreign", "--set", "next=0").assertCode(4)
                .assertErrContains("no component acme/secret-input; known components: [", "checkpoint/list-input",
                        "--jar", "--unchecked");
        assertEquals(before, history("foreign"), "nothing written");

        checkpoint("reset", "--job", "foreign", "--set", "next=0", "--unchecked", "--by", "bob").assertCode(0)
                .assertErrContains("--unchecked", "not checked");
        CheckpointEnvelope reset = latestOf("foreign");
        assertEquals(0, reset.checkpoint().getJsonObject("$checkpoint").getInt("next"));
        assertEquals("reset --set next=0 --unchecked", reset.audit().action(), "the history shows it was unchecked");
    }

    @Test
    void resetChecksAgainstAComponentFoundInJar() {
        Path jar = JarOnlyJar.write(dir);
        saveForeignCheckpoint("from-jar", JarOnlyJar.ID);
        List<CheckpointInfo> before = history("from-jar");

        checkpoint("reset", "--job", "from-jar", "--set", "next=x").assertCode(4).assertErrContains(JarOnlyJar.ID);
        checkpoint("reset", "--job", "from-jar", "--set", "next=x", "--jar", jar.toString()).assertCode(5)
                .assertErrContains("$checkpoint.next: expected a long, received 'x'");
        assertEquals(before, history("from-jar"), "nothing written");

        checkpoint("reset", "--job", "from-jar", "--set", "next=2", "--jar", jar.toString()).assertCode(0);
        assertEquals(2, latestOf("from-jar").checkpoint().getJsonObject("$checkpoint").getInt("next"));
        assertEquals(3, latestOf("from-jar").version(), "the version is kept");
    }

    @Test
    void resetOfAnUncheckedNumberFieldToTextIsStillRefusedByItsJsonType() {
        long newest = latest().generation();

        checkpoint("reset", "--job", JOB, "--set", "sinceId=ten", "--unchecked").assertCode(2)
                .assertErrContains("sinceId", "number");

        assertEquals(newest, latest().generation());
    }

    private void saveForeignCheckpoint(String job, String componentId) {
        try (FileCheckpointStore store = new FileCheckpointStore(dir.resolve("store"))) {
            store.save(job, JobPartitions.SINGLE, componentId, Json.createObjectBuilder().add("$checkpoint",
                    Json.createObjectBuilder().add("next", 5).add("__version", 3)).build());
        }
    }

    private List<CheckpointInfo> history(String job) {
        try (FileCheckpointStore store = new FileCheckpointStore(dir.resolve("store"))) {
            return store.history(job, JobPartitions.SINGLE);
        }
    }

    private CheckpointEnvelope latestOf(String job) {
        try (FileCheckpointStore store = new FileCheckpointStore(dir.resolve("store"))) {
            return store.loadLatest(job, JobPartitions.SINGLE).orElseThrow();
        }
    }

    @Test
    void deleteNeedsYes() {
        checkpoint("delete", "--job", JOB).assertCode(2).assertErrContains("--yes");

        assertFalse(history().isEmpty());
    }

    @Test
    void deleteWithYesRemovesTheJob() {
        checkpoint("delete", "--job", JOB, "--yes").assertCode(0);

        assertTrue(history().isEmpty());
        assertFalse(checkpoint("list").assertCode(0).out().contains(JOB));
        runJob().assertCode(0);
        assertEquals(2 * TOTAL, ids(dir.resolve("out.jsonl")).size(), "the next run starts from the beginning");
    }

    @Test
    void changesToAJobLockedByARunningWriterAreRefused() {
        long newest = latest().generation();
        try (FileCheckpointStore running = new FileCheckpointStore(dir.resolve("store"))) {
            running.lockForWriting(JOB);

            checkpoint("rewind", "--job", JOB, "--to", String.valueOf(newest)).assertCode(6).assertErrContains("locked");
            checkpoint("reset", "--job", JOB, "--set", "sinceId=0").assertCode(6).assertErrContains("locked");
            checkpoint("delete", "--job", JOB, "--yes").assertCode(6).assertErrContains("locked");
            // Reading needs no lock.
            checkpoint("show", "--job", JOB).assertCode(0);
        }
        assertEquals(newest, latest().generation());
        assertNull(latest().audit());
    }

    @Test
    void listStillShowsTheOtherJobsWhenOneHoldsOnlyCorruptCheckpoints() throws Exception {
        Cli.run("run", "--family", "checkpoint", "--name", "list-input", "--configuration", configuration.toString(),
                "--store", store(), "--job", "broken", "--output", dir.resolve("broken.jsonl").toString(), "--quiet")
                .assertCode(0);
        try (Stream<Path> files = java.nio.file.Files.walk(dir.resolve("store").resolve("broken"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                java.nio.file.Files.writeString(file, "garbage");
            }
        }

        Cli.Result result = checkpoint("list").assertCode(0).assertOutContains(JOB, "broken");

        assertTrue(result.out().lines().anyMatch(line -> line.startsWith("broken ") && line.contains("none is valid")),
                result.out());
    }

    @Test
    void showOfAJobWithoutCheckpointsIsExit6() {
        checkpoint("show", "--job", "no-such-job").assertCode(6).assertErrContains("no-such-job", "no checkpoint");
    }
}
