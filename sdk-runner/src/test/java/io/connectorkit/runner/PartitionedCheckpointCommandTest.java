package io.connectorkit.runner;

import static io.connectorkit.runner.Cli.fileStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.Mapper;
import io.connectorkit.runtime.Split;
import io.connectorkit.runtime.SplitPlan;
import io.connectorkit.store.CheckpointEnvelope;
import io.connectorkit.store.CheckpointInfo;
import io.connectorkit.store.FileCheckpointStore;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code checkpoint list|show|history|rewind|reset|delete} on a partitioned job, whose store is built by hand as the
 * runner keeps it: a split plan of {@code file/folder-input} under {@code _plan} (three generations: made, a.log
 * finished, b.log finished) and each split's checkpoints under its id. a.log is finished and pruned, b.log finished
 * with checkpoints, c.log pending with three generations, d.log pending without any. A plain job sits beside it.
 */
class PartitionedCheckpointCommandTest {

    private static final String JOB = "folders";
    private static final String PLAIN = "plain";
    private static final String COMPONENT = "file/folder-input";
    private static final List<String> SPLITS = List.of("a.log", "b.log", "c.log", "d.log");

    @TempDir
    Path dir;

    private SplitPlan finalPlan;

    @BeforeEach
    void partitionedJob() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("in"));
        for (String name : SPLITS) {
            Files.writeString(folder.resolve(name), name + " line 1\n" + name + " line 2\n");
        }
        SplitPlan plan;
        try (ComponentManager manager = ComponentManager.builder().checkpointing(true).build()) {
            Mapper mapper = manager.findMapper("file", "folder-input", 1, Map.of("configuration.folder",
                    folder.toString(), "configuration.glob", "*.log")).orElseThrow();
            List<Split> splits = mapper.split(1);
            assertEquals(SPLITS, splits.stream().map(Split::id).toList());
            plan = SplitPlan.of(mapper, splits, true);
        }
        try (FileCheckpointStore store = store()) {
            SavedPlans.save(store, JOB, plan);
            store.save(JOB, "a.log", COMPONENT, position("a.log", 2, true));
            plan = plan.markFinished("a.log");
            SavedPlans.save(store, JOB, plan);
            store.delete(JOB, "a.log");
            store.save(JOB, "b.log", COMPONENT, position("b.log", 1, false));
            store.save(JOB, "b.log", COMPONENT, position("b.log", 2, true));
            plan = plan.markFinished("b.log");
            SavedPlans.save(store, JOB, plan);
            for (int line = 0; line <= 2; line++) {
                store.save(JOB, "c.log", COMPONENT, position("c.log", line, false));
            }
            store.save(PLAIN, JobPartitions.SINGLE, "checkpoint/list-input", Json.createObjectBuilder()
                    .add("$checkpoint", Json.createObjectBuilder().add("sinceId", 10).add("__version", 2)).build());
        }
        finalPlan = plan;
    }

    private static JsonObject position(String file, int line, boolean finished) {
        return Json.createObjectBuilder().add("$checkpoint", Json.createObjectBuilder().add("file", file)
                .add("line", line).add("offset", line * 13L).add("finished", finished)).build();
    }

    private FileCheckpointStore store() {
        return new FileCheckpointStore(dir.resolve("store"));
    }

    private Cli.Result checkpoint(String command, String... more) {
        return Cli.run(Stream.concat(Stream.of("checkpoint", command, "--store", fileStore(dir.resolve("store"))),
                Stream.of(more)).toArray(String[]::new));
    }

    private List<CheckpointInfo> history(String partition) {
        try (FileCheckpointStore store = store()) {
            return store.history(JOB, partition);
        }
    }

    private CheckpointEnvelope latest(String partition) {
        try (FileCheckpointStore store = store()) {
            return store.loadLatest(JOB, partition).orElseThrow();
        }
    }

    private SplitPlan plan() {
        try (FileCheckpointStore store = store()) {
            return SavedPlans.load(store, JOB).orElseThrow();
        }
    }

    /** Every partition's history, to check that a refused command wrote nothing. */
    private Map<String, List<CheckpointInfo>> everything() {
        return Map.of("_plan", history(JobPartitions.PLAN), "a.log", history("a.log"), "b.log", history("b.log"),
                "c.log", history("c.log"), "d.log", history("d.log"));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void listShowsThePlanSummaryOfAPartitionedJobAndTheLatestGenerationOfAPlainOne() {
        Cli.Result result = checkpoint("list").assertCode(0);

        List<String> lines = result.out().lines().toList();
        assertEquals(2, lines.size(), result.out());
        assertTrue(lines.get(0).matches("folders  split plan #3  \\S+Z  file/folder-input  4 splits: 2 pending, "
                + "2 finished, complete"), lines.get(0));
        assertTrue(lines.get(1).matches("plain  #1  \\S+Z  checkpoint/list-input"), lines.get(1));
    }

    @Test
    void showOfAPartitionedJobListsEachSplitWithItsStatusAndLatestCheckpoint() {
        Cli.Result result = checkpoint("show", "--job", JOB).assertCode(0);

        List<String> lines = result.out().lines().toList();
        assertTrue(lines.get(0).startsWith("job 'folders': split plan #3  "), lines.get(0));
        assertTrue(lines.get(0).endsWith("4 splits: 2 pending, 2 finished, complete"), lines.get(0));
        assertTrue(lines.get(1).matches("split\\s+status\\s+latest checkpoint"), lines.get(1));
        assertTrue(lines.get(2).matches("a\\.log\\s+FINISHED\\s+pruned"), lines.get(2));
        assertTrue(lines.get(3).matches("b\\.log\\s+FINISHED\\s+#2  " + latest("b.log").createdAt()), lines.get(3));
        assertTrue(lines.get(4).matches("c\\.log\\s+PENDING\\s+#3  " + latest("c.log").createdAt()), lines.get(4));
        assertTrue(lines.get(5).matches("d\\.log\\s+PENDING\\s+no checkpoint yet"), lines.get(5));
        result.assertOutContains("--split ID", "--plan");
    }

    @Test
    void showOfASplitPrintsItsEnvelopeAsForAPlainJob() {
        JsonObject shown = json(checkpoint("show", "--job", JOB, "--split", "c.log").assertCode(0).out());
        CheckpointEnvelope latest = latest("c.log");
        assertEquals("c.log", shown.getString("partition"));
        assertEquals(3, shown.getInt("generation"));
        assertEquals(latest.checksum(), shown.getString("checksum"));
        assertEquals(latest.checkpoint(), shown.getJsonObject("checkpoint"));

        JsonObject first = json(checkpoint("show", "--job", JOB, "--split", "c.log", "--generation", "1")
                .assertCode(0).out());
        assertEquals(1, first.getInt("generation"));
        assertEquals(position("c.log", 0, false), first.getJsonObject("checkpoint"));

        checkpoint("show", "--job", JOB, "--split", "d.log").assertCode(6)
                .assertErrContains("job 'folders' split 'd.log' has no checkpoint");
    }

    @Test
    void showWithPlanPrintsThePlansEnvelope() {
        JsonObject shown = json(checkpoint("show", "--job", JOB, "--plan").assertCode(0).out());

        assertEquals("_plan", shown.getString("partition"));
        assertEquals(3, shown.getInt("generation"));
        assertEquals(COMPONENT, shown.getString("componentId"));
        assertEquals(finalPlan, SplitPlan.fromJson(shown.getJsonObject("checkpoint").getJsonObject("$checkpoint")));
    }

    @Test
    void historyOfASplitAndOfThePlanAndWithoutEitherAnErrorListingTheSplits() {
        Cli.Result split = checkpoint("history", "--job", JOB, "--split", "c.log").assertCode(0);
        Cli.Result plan = checkpoint("history", "--job", JOB, "--plan").assertCode(0);
        for (long generation = 1; generation <= 3; generation++) {
            String start = generation + " ";
            assertTrue(split.out().lines().anyMatch(line -> line.startsWith(start)), split.out());
            assertTrue(plan.out().lines().anyMatch(line -> line.startsWith(start) && line.contains(COMPONENT)),
                    plan.out());
        }
        assertFalse(split.out().lines().anyMatch(line -> line.startsWith("4 ")), split.out());

        checkpoint("history", "--job", JOB).assertCode(2).assertErrContains("job 'folders' is partitioned",
                "history needs --split ID (or --plan for its split plan)", "4 splits: a.log, b.log, c.log, d.log");
    }

    @Test
    void rewindOfASplitSavesTheEarlierGenerationAgainWithItsAuditAndTouchesNothingElse() {
        Map<String, List<CheckpointInfo>> before = everything();

        checkpoint("rewind", "--job", JOB, "--split", "c.log", "--to", "1", "--by", "alice").assertCode(0)
                .assertOutContains("job 'folders' split 'c.log': generation 1 saved again as #4");

        CheckpointEnvelope rewound = latest("c.log");
        assertEquals(4, rewound.generation());
        assertEquals(position("c.log", 0, false), rewound.checkpoint());
        assertEquals("alice", rewound.audit().by());
        assertEquals("rewind --to 1", rewound.audit().action());
        assertEquals(before.get("b.log"), history("b.log"));
        assertEquals(before.get("_plan"), history(JobPartitions.PLAN));
        checkpoint("history", "--job", JOB, "--split", "c.log").assertOutContains("rewind --to 1 by alice");
    }

    @Test
    void rewindOrResetOfAPartitionedJobWithoutSplitIsRefusedNamingTheOptionAndTheSplits() {
        Map<String, List<CheckpointInfo>> before = everything();

        checkpoint("rewind", "--job", JOB, "--to", "1").assertCode(2).assertErrContains("job 'folders' is partitioned",
                "rewind needs --split ID", "4 splits: a.log, b.log, c.log, d.log");
        checkpoint("reset", "--job", JOB, "--set", "line=0").assertCode(2).assertErrContains(
                "reset needs --split ID;", "a.log, b.log, c.log, d.log");
        checkpoint("show", "--job", JOB, "--generation", "1").assertCode(2).assertErrContains("--split ID");

        assertEquals(before, everything(), "nothing written");
    }

    @Test
    void aSplitThePlanDoesNotHaveIsRefusedNamingItAndTheKnownOnes() {
        checkpoint("rewind", "--job", JOB, "--split", "zz.log", "--to", "1").assertCode(2)
                .assertErrContains("job 'folders' has no split 'zz.log' in its split plan (#3)",
                        "4 splits: a.log, b.log, c.log, d.log");
        checkpoint("show", "--job", JOB, "--split", "zz.log").assertCode(2).assertErrContains("no split 'zz.log'");
    }

    @Test
    void changesToAFinishedSplitAreRefusedSayingHowToReopenIt() {
        Map<String, List<CheckpointInfo>> before = everything();

        checkpoint("rewind", "--job", JOB, "--split", "b.log", "--to", "1").assertCode(2)
                .assertErrContains("rewind refused, nothing written: split 'b.log' of job 'folders' is FINISHED",
                        "the runner skips it", "checkpoint rewind --job folders --plan --to GEN");
        checkpoint("reset", "--job", JOB, "--split", "b.log", "--set", "line=0").assertCode(2)
                .assertErrContains("reset refused", "FINISHED");

        assertEquals(before, everything(), "nothing written");
        checkpoint("show", "--job", JOB, "--split", "b.log").assertCode(0); // reading a finished split is fine
    }

    @Test
    void resetOfASplitIsCheckedAgainstTheMappersCheckpointClass() {
        checkpoint("reset", "--job", JOB, "--split", "c.log", "--set", "line=x").assertCode(5)
                .assertErrContains("reset refused, nothing written", COMPONENT, "$checkpoint.line: expected a long, "
                        + "received 'x'");
        assertEquals(3, latest("c.log").generation(), "nothing written");

        checkpoint("reset", "--job", JOB, "--split", "c.log", "--set", "line=1", "--by", "bob").assertCode(0)
                .assertOutContains("job 'folders' split 'c.log': saved as #4",
                        "(undo: checkpoint rewind --job folders --split c.log --to 3)");

        CheckpointEnvelope reset = latest("c.log");
        assertEquals(1, reset.checkpoint().getJsonObject("$checkpoint").getInt("line"));
        assertEquals("c.log", reset.checkpoint().getJsonObject("$checkpoint").getString("file"));
        assertEquals("reset --set line=1", reset.audit().action());
        assertEquals(COMPONENT, reset.componentId());
    }

    @Test
    void theSplitPlanIsNeverResetNorNamedAsASplit() {
        Map<String, List<CheckpointInfo>> before = everything();

        checkpoint("reset", "--job", JOB, "--plan", "--set", "complete=false", "--unchecked").assertCode(2)
                .assertErrContains("reset cannot change the split plan of job 'folders'",
                        "rewind --job folders --plan");
        checkpoint("reset", "--job", JOB, "--split", "_plan", "--set", "complete=false").assertCode(2)
                .assertErrContains("split plan");
        checkpoint("rewind", "--job", JOB, "--split", "_plan", "--to", "1").assertCode(2)
                .assertErrContains("'_plan' is the partition of the split plan of job 'folders', not a split; "
                        + "give --plan");
        checkpoint("show", "--job", JOB, "--split", "c.log", "--plan").assertCode(2).assertErrContains("not both");

        assertEquals(before, everything(), "nothing written");
    }

    @Test
    void rewindOfThePlanReopensTheSplitsPendingInThatGeneration() {
        checkpoint("rewind", "--job", JOB, "--plan", "--to", "2", "--by", "carol").assertCode(0)
                .assertOutContains("job 'folders' split plan: generation 2 saved again as #4: 4 splits: 3 pending, "
                        + "1 finished, complete");

        SplitPlan reopened = plan();
        assertEquals(List.of("b.log", "c.log", "d.log"), reopened.pending().stream().map(Split::id).toList());
        assertEquals("rewind --to 2", latest(JobPartitions.PLAN).audit().action());
        checkpoint("show", "--job", JOB).assertCode(0).assertOutContains("(rewind --to 2 by carol at ");
        checkpoint("rewind", "--job", JOB, "--split", "b.log", "--to", "1").assertCode(0);
        assertEquals(position("b.log", 1, false), latest("b.log").checkpoint());
    }

    @Test
    void aPlanThatCannotBeReadIsAnErrorNamingTheJobAndGenerationAndCanBeRewound() {
        try (FileCheckpointStore store = store()) {
            store.save(JOB, JobPartitions.PLAN, COMPONENT, Json.createObjectBuilder().add("$checkpoint",
                    Json.createObjectBuilder().add("__version", 1).add("component", COMPONENT)).build());
        }

        checkpoint("show", "--job", JOB).assertCode(6).assertErrContains("job 'folders': the split plan saved as "
                + "generation 4 of partition _plan", "cannot be read", "history --job folders --plan");
        checkpoint("rewind", "--job", JOB, "--split", "c.log", "--to", "1").assertCode(6)
                .assertErrContains("cannot be read");
        assertTrue(checkpoint("list").assertCode(0).out().lines()
                .anyMatch(line -> line.startsWith("folders  (cannot be resumed: ") && line.contains("generation 4")));
        checkpoint("rewind", "--job", JOB, "--plan", "--to", "4").assertCode(6).assertErrContains("generation 4");
        assertEquals(4, history(JobPartitions.PLAN).size(), "an unreadable plan is not saved again");

        checkpoint("rewind", "--job", JOB, "--plan", "--to", "3").assertCode(0);
        assertEquals(finalPlan, plan());
    }

    @Test
    void splitOptionsOnAPlainJobAreRefused() {
        checkpoint("show", "--job", PLAIN, "--split", "a.log").assertCode(2)
                .assertErrContains("job 'plain' has no split plan", "omit --split");
        checkpoint("history", "--job", PLAIN, "--plan").assertCode(2)
                .assertErrContains("job 'plain' has no split plan", "omit --plan");
        checkpoint("show", "--job", PLAIN).assertCode(0).assertOutContains("\"partition\": \"0\"");
    }

    @Test
    void deleteRemovesThePlanAndEverySplitAndNoOtherJob() {
        checkpoint("delete", "--job", JOB, "--yes").assertCode(0);

        try (FileCheckpointStore store = store()) {
            assertEquals(List.of(PLAIN), store.jobs());
            for (String partition : List.of(JobPartitions.PLAN, "a.log", "b.log", "c.log", "d.log")) {
                assertEquals(List.of(), store.history(JOB, partition), partition);
                assertFalse(store.savedBefore(JOB, partition), partition);
            }
            assertTrue(SavedPlans.load(store, JOB).isEmpty());
        }
        assertFalse(checkpoint("list").assertCode(0).out().contains(JOB));
    }
}
